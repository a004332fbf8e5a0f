using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Bot.Outbox;

/// <summary>
/// Sends outbox messages to one channel (registered as a keyed service under each channel id it
/// serves, e.g. <c>msteams</c>). It runs in the dispatcher's unit of work: changes it makes to
/// tracked records (a conversation reference that got its chat) are saved with the message's result.
/// </summary>
public interface IOutboundChannel
{
    /// <summary>Sends, updates or deletes; returns the channel's id of the message sent or changed.</summary>
    /// <exception cref="DeliveryFailedException">The channel refused or could not be reached.</exception>
    Task<string?> DeliverAsync(OutboxMessage message, CancellationToken ct);
}

public enum DeliveryFailure
{
    /// <summary>Worth trying again later (rate limited, channel down, token endpoint unreachable).</summary>
    Transient,
    /// <summary>Will never succeed as it is (malformed, too big, no such conversation).</summary>
    Permanent,
    /// <summary>The person blocked or removed the bot: never retried, the conversation is marked unreachable.</summary>
    Unreachable,
}

/// <param name="ErrorCode">The channel's reason (e.g. <c>MessageWritesBlocked</c>), kept as the conversation's unreachable reason.</param>
/// <param name="RetryAfter">How long the channel asked to wait.</param>
public sealed class DeliveryFailedException(DeliveryFailure failure, string message, string? errorCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DeliveryFailure Failure { get; } = failure;
    public string? ErrorCode { get; } = errorCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
