using ServiceDesk.Bot.Outbox;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Bot.Outages;

/// <summary>
/// Records each recipient's delivery from the outbox's outcome of their notice (the send, not the later
/// edits), in the dispatcher's unit of work: the outcome and the recipient's state commit together.
/// </summary>
internal sealed class OutageDeliveryRecorder(TimeProvider time) : IOutboxOutcomeObserver
{
    public async Task OnOutcomeAsync(OutboxMessage message, IServiceProvider unitOfWork, CancellationToken ct)
    {
        if (message.Operation != OutboxOperation.Send || !OutageNotices.TryReadKey(message.CorrelationKey, out var outageId)) return;
        var recipient = await unitOfWork.GetRequiredService<IOutageRepository>().FindRecipientAsync(outageId, message.Destination, ct);
        if (recipient is not { State: OutageDeliveryState.Pending }) return;
        var now = time.GetUtcNow();
        switch (message.State)
        {
            case OutboxState.Sent:
                recipient.RecordSent(now);
                break;
            case OutboxState.Unreachable:
                recipient.RecordUnreachable(message.LastError ?? "unreachable", now);
                break;
            case OutboxState.Failed:
                recipient.RecordFailed(message.LastError ?? "failed", now);
                break;
        }
    }
}
