using System.Net;
using System.Text.Json;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Bot.Channels.Teams.Delivery;

/// <summary>
/// Delivers outbox messages through the Bot Connector: send (or reply), update (PUT on the message
/// id, or on the id recorded under the correlation key), delete; opens the personal chat first when
/// the person has none yet. Connector failures become <see cref="DeliveryFailedException"/>s.
/// </summary>
internal sealed class TeamsOutboundChannel(
    ConnectorClient connector,
    IConversationReferenceRepository references,
    IOutboxStore outbox,
    ServiceUrlAllowList serviceUrls,
    TeamsDeliveryHealth health,
    TimeProvider time) : IOutboundChannel
{
    public async Task<string?> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var reference = await references.FindAsync(message.Destination, ct)
            ?? throw new DeliveryFailedException(DeliveryFailure.Permanent, $"There is no conversation reference '{message.Destination}'.");
        if (reference.IsUnreachable)
            throw new DeliveryFailedException(DeliveryFailure.Unreachable,
                $"The conversation is unreachable since {reference.UnreachableSince:u}: {reference.UnreachableReason}", reference.UnreachableReason);
        OutboxPayload payload;
        try
        {
            payload = OutboxPayload.Deserialize(message.Payload);
        }
        catch (JsonException e)
        {
            throw new DeliveryFailedException(DeliveryFailure.Permanent, $"The outbox payload is not readable: {e.Message}");
        }

        // The reference was stored from an authenticated activity (design.md §6): its service URL may
        // receive the token again, also after a restart emptied the allow list.
        serviceUrls.Trust(reference.ServiceUrl);
        var conversationId = payload.ConversationId ?? reference.ConversationId;
        try
        {
            conversationId ??= await OpenPersonalChatAsync(reference, ct);
            var conversation = new ConnectorConversation(reference.ServiceUrl, conversationId, reference.TenantId);
            var id = await OperateAsync(message, payload, conversation, ct);
            health.Delivered(time.GetUtcNow());
            return id;
        }
        catch (RecipientUnreachableException e)
        {
            health.Refused(time.GetUtcNow(), (int?)e.StatusCode, e.ErrorCode, conversationId ?? reference.Key);
            throw new DeliveryFailedException(DeliveryFailure.Unreachable, e.Message, e.ErrorCode, inner: e);
        }
        catch (ConnectorException e)
        {
            if (e.ErrorCode != "LocalRateLimit")
                health.Refused(time.GetUtcNow(), (int?)e.StatusCode, e.ErrorCode, conversationId ?? reference.Key);
            // 401/403 are the credentials or the app's permissions: worth the bounded retries while an operator fixes them.
            var transient = e.IsTransient || e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
            throw new DeliveryFailedException(transient ? DeliveryFailure.Transient : DeliveryFailure.Permanent, e.Message, e.ErrorCode, e.RetryAfter, e);
        }
        catch (Exception e) when (TeamsDeliveryHealth.IsTokenFailure(e))
        {
            health.TokenRefused(time.GetUtcNow(), e);
            throw new DeliveryFailedException(DeliveryFailure.Transient, "The token endpoint did not issue a token for the Connector.", inner: e);
        }
    }

    private async Task<string?> OperateAsync(OutboxMessage message, OutboxPayload payload, ConnectorConversation conversation, CancellationToken ct)
    {
        switch (message.Operation)
        {
            case OutboxOperation.Send:
                var activity = ActivityOf(payload);
                return payload.ReplyToId is { } replyTo
                    ? await connector.ReplyAsync(conversation, replyTo, activity, ct)
                    : await connector.SendAsync(conversation, activity, ct);
            case OutboxOperation.Update:
                var updated = await TargetOfAsync(message, ct);
                await connector.UpdateAsync(conversation, updated, ActivityOf(payload), ct);
                return updated;
            case OutboxOperation.Delete:
                var deleted = await TargetOfAsync(message, ct);
                await connector.DeleteAsync(conversation, deleted, ct);
                return deleted;
            default:
                throw new DeliveryFailedException(DeliveryFailure.Permanent, $"Unknown outbox operation {message.Operation}.");
        }
    }

    private async Task<string> TargetOfAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.TargetMessageId is { } id) return id;
        // Per-conversation order means the message that created it was handled before this one.
        if (message.CorrelationKey is { } key && await outbox.SentMessageIdAsync(key, ct) is { } sent) return sent;
        throw new DeliveryFailedException(DeliveryFailure.Permanent,
            $"Nothing was sent under '{message.CorrelationKey}' to {message.Operation.ToString().ToLowerInvariant()}.");
    }

    private async Task<string> OpenPersonalChatAsync(ConversationReference reference, CancellationToken ct)
    {
        if (reference.Type != ConversationType.Personal || reference.UserId is null || reference.TenantId is null)
            throw new DeliveryFailedException(DeliveryFailure.Permanent, $"{reference.Key} has no conversation id and no person to open a chat with.");
        var created = await connector.CreatePersonalConversationAsync(reference.ServiceUrl, reference.TenantId, reference.UserId, ct);
        // Tracked: saved with the message's outcome, so the next message goes straight to the chat.
        reference.OpenPersonalChat(created.Id!, created.ServiceUrl);
        serviceUrls.Trust(reference.ServiceUrl);
        return reference.ConversationId!;
    }

    private static OutgoingActivity ActivityOf(OutboxPayload payload)
    {
        var message = payload.Message
            ?? throw new DeliveryFailedException(DeliveryFailure.Permanent, "The outbox payload has no message to send.");
        return new OutgoingActivity
        {
            Text = message.Text,
            Summary = message.Summary,
            Attachments = message.Card is { } card ? [OutgoingAttachment.AdaptiveCard(card)] : null,
        };
    }
}
