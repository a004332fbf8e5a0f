using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Bot.Outbox;

/// <summary>
/// How handlers, flows and jobs say something: each call enqueues one outbox message, saved with the
/// caller's unit of work and sent by the dispatcher after it commits. Nobody builds outbox rows by hand.
/// </summary>
public interface IOutbound
{
    /// <param name="correlationKey">Names the message (e.g. <c>card:INC-000042</c>) so a later update finds it.</param>
    void Send(OutboundTarget target, OutboundMessage message, string? correlationKey = null);

    /// <summary>Replaces a message the bot sent (a card after a click), by the channel's id of it.</summary>
    void Update(OutboundTarget target, string messageId, OutboundMessage message);

    /// <summary>Replaces the last message sent under <paramref name="correlationKey"/>, whatever its id turns out to be.</summary>
    void UpdateCorrelated(OutboundTarget target, string correlationKey, OutboundMessage message);

    void Delete(OutboundTarget target, string messageId);

    /// <summary>
    /// Sends to the person's personal chat in a channel, found by Entra object id or channel user id
    /// (the bot opens the chat if it has none yet). False when the bot cannot reach them there.
    /// </summary>
    Task<bool> SendToPersonAsync(string channelId, string? aadObjectId, string? userId, OutboundMessage message,
        string? correlationKey = null, CancellationToken ct = default);
}

public static class OutboundTargets
{
    /// <summary>The conversation itself (for a channel: a new thread).</summary>
    public static OutboundTarget Of(ConversationReference reference) => new(reference.Key);
}
