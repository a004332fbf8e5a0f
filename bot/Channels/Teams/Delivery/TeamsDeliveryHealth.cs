using System.Text.RegularExpressions;
using Azure.Identity;
using Microsoft.Identity.Client;

namespace ServiceDesk.Bot.Channels.Teams.Delivery;

/// <summary>
/// What the Teams side of delivery last saw: whether the token endpoint took the credentials, what the
/// Connector last refused and when something last went through. Kept in memory per instance, for
/// /healthz; nothing here holds a secret or a message body.
/// </summary>
public sealed partial class TeamsDeliveryHealth
{
    private readonly Lock _gate = new();
    private TokenOutcome? _token;
    private ConnectorRefusal? _refusal;
    private DateTimeOffset? _lastDelivery;

    /// <param name="ErrorCode">The identity platform's code (<c>AADSTS7000215</c>) or the failure's kind; null when accepted.</param>
    public sealed record TokenOutcome(bool Accepted, DateTimeOffset At, string? ErrorCode);

    public sealed record ConnectorRefusal(int? Status, string? ErrorCode, string ConversationId, DateTimeOffset At);

    public TokenOutcome? Token => Volatile.Read(ref _token);
    public ConnectorRefusal? LastRefusal => Volatile.Read(ref _refusal);
    public DateTimeOffset? LastDelivery
    {
        get
        {
            lock (_gate) return _lastDelivery;
        }
    }

    public void TokenAccepted(DateTimeOffset at) => Volatile.Write(ref _token, new TokenOutcome(true, at, null));

    public void TokenRefused(DateTimeOffset at, Exception failure) => Volatile.Write(ref _token, new TokenOutcome(false, at, CodeOf(failure)));

    public void Refused(DateTimeOffset at, int? status, string? errorCode, string conversationId) =>
        Volatile.Write(ref _refusal, new ConnectorRefusal(status, errorCode, conversationId, at));

    public void Delivered(DateTimeOffset at)
    {
        lock (_gate) _lastDelivery = at;
    }

    /// <summary>Token failures that are about the credentials, as opposed to the network.</summary>
    public static bool IsTokenFailure(Exception e) => e is AuthenticationFailedException or CredentialUnavailableException;

    // The message can carry trace ids and the tenant; the code is what an operator looks up.
    private static string CodeOf(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
            if (AadstsCode().Match(e.Message) is { Success: true } match) return match.Value;
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case MsalServiceException msal when !string.IsNullOrEmpty(msal.ErrorCode):
                    return msal.ErrorCode;
                case HttpRequestException:
                    return "TokenEndpointUnreachable";
                case OperationCanceledException:
                    return "TokenEndpointTimeout";
            }
        }
        return failure.GetType().Name;
    }

    [GeneratedRegex(@"AADSTS\d+")]
    private static partial Regex AadstsCode();
}
