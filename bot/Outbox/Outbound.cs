using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Bot.Outbox;

internal sealed class Outbound(IOutbox outbox, IConversationReferenceRepository references, TimeProvider time) : IOutbound
{
    public void Send(OutboundTarget target, OutboundMessage message, string? correlationKey = null) =>
        Enqueue(target, OutboxOperation.Send, message, null, correlationKey);

    public void Update(OutboundTarget target, string messageId, OutboundMessage message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        Enqueue(target, OutboxOperation.Update, message, messageId, null);
    }

    public void UpdateCorrelated(OutboundTarget target, string correlationKey, OutboundMessage message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationKey);
        Enqueue(target, OutboxOperation.Update, message, null, correlationKey);
    }

    public void Delete(OutboundTarget target, string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        Enqueue(target, OutboxOperation.Delete, null, messageId, null);
    }

    public async Task<bool> SendToPersonAsync(string channelId, string? aadObjectId, string? userId, OutboundMessage message,
        string? correlationKey = null, CancellationToken ct = default)
    {
        var reference = await references.FindPersonalAsync(channelId, aadObjectId, userId, ct);
        if (reference is null || reference.IsUnreachable) return false;
        Send(OutboundTargets.Of(reference), message, correlationKey);
        return true;
    }

    // An update under a correlation key is recorded as sent with the same message id, so the key keeps pointing at the card.
    private void Enqueue(OutboundTarget target, OutboxOperation operation, OutboundMessage? message, string? targetMessageId, string? correlationKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target.ReferenceKey);
        var payload = new OutboxPayload(message, target.ConversationId, target.ReplyToId);
        outbox.Enqueue(new OutboxMessage(Guid.NewGuid(), target.ReferenceKey, operation, payload.Serialize(), time.GetUtcNow(),
            targetMessageId, correlationKey));
    }
}
