using System.Net;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// A Connector call that did not succeed. <see cref="IsTransient"/> says whether the outbox should try
/// again (after <see cref="RetryAfter"/> when the service said so) or give the message up.
/// </summary>
public class ConnectorException(string message, HttpStatusCode? statusCode, string? errorCode, bool isTransient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
    /// <summary>Teams' error code or sub-code (e.g. <c>MessageSizeTooBig</c>).</summary>
    public string? ErrorCode { get; } = errorCode;
    public bool IsTransient { get; } = isTransient;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// The person blocked or removed the bot (Teams 403 <c>MessageWritesBlocked</c>): no retry will ever
/// succeed, so the dispatcher marks the message unreachable instead.
/// </summary>
public sealed class RecipientUnreachableException(string message, string errorCode)
    : ConnectorException(message, HttpStatusCode.Forbidden, errorCode, isTransient: false);
