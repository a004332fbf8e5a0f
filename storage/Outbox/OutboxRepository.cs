using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Storage.Outbox;

internal sealed class OutboxRepository(ServiceDeskContext db) : IOutbox, IOutboxStore
{
    private int _enqueued;

    // Tracked only: the message is written by the same SaveChanges (and transaction) as the change that caused it.
    public void Enqueue(OutboxMessage message)
    {
        db.OutboxMessages.Add(message);
        db.Entry(message).Property<int>(OutboxMapping.EnqueueOrder).CurrentValue = Interlocked.Increment(ref _enqueued);
    }

    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default) =>
        await db.OutboxMessages
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt).ThenBy(m => EF.Property<int>(m, OutboxMapping.EnqueueOrder)).ThenBy(m => m.Id)
            .Take(Math.Max(0, max))
            .ToListAsync(ct);

    public Task<OutboxMessage?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);

    public Task<string?> SentMessageIdAsync(string correlationKey, CancellationToken ct = default) =>
        db.OutboxMessages
            .Where(m => m.CorrelationKey == correlationKey && m.State == OutboxState.Sent && m.SentMessageId != null)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => EF.Property<int>(m, OutboxMapping.EnqueueOrder))
            .Select(m => m.SentMessageId)
            .FirstOrDefaultAsync(ct);
}
