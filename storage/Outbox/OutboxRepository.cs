using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Storage.Outbox;

internal sealed class OutboxRepository : IOutbox, IOutboxStore
{
    private readonly ServiceDeskContext _db;
    private int _enqueued;
    private List<OutboxMessage>? _unsignalled;

    public OutboxRepository(ServiceDeskContext db, IOutboxSignal signal)
    {
        _db = db;
        // After the commit, not at SaveChanges: a dispatcher woken earlier would not see the rows yet.
        db.Committed += () =>
        {
            if (_unsignalled is not { } committed) return;
            _unsignalled = null;
            signal.MessagesCommitted(committed);
        };
    }

    // Tracked only: the message is written by the same SaveChanges (and transaction) as the change that caused it.
    public void Enqueue(OutboxMessage message)
    {
        _db.OutboxMessages.Add(message);
        _db.Entry(message).Property<int>(OutboxMapping.EnqueueOrder).CurrentValue = Interlocked.Increment(ref _enqueued);
        (_unsignalled ??= []).Add(message);
    }

    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default) =>
        await _db.OutboxMessages
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt).ThenBy(m => EF.Property<int>(m, OutboxMapping.EnqueueOrder)).ThenBy(m => m.Id)
            .Take(Math.Max(0, max))
            .ToListAsync(ct);

    public Task<OutboxMessage?> FindAsync(Guid id, CancellationToken ct = default) =>
        _db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);

    public Task<string?> SentMessageIdAsync(string correlationKey, CancellationToken ct = default) =>
        _db.OutboxMessages
            .Where(m => m.CorrelationKey == correlationKey && m.State == OutboxState.Sent && m.SentMessageId != null)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => EF.Property<int>(m, OutboxMapping.EnqueueOrder))
            .Select(m => m.SentMessageId)
            .FirstOrDefaultAsync(ct);
}
