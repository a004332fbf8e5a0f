using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Storage.Conventions;

namespace ServiceDesk.Storage.Outbox;

internal sealed class OutboxQueue(ServiceDeskContext db) : IOutboxQueue
{
    private static readonly UnixMicrosecondsConverter Micros = new();

    // Head of the line per destination: no older pending message of the same destination, whatever its
    // due time, so a message waiting for its retry holds back the ones after it. Plain SQL because the
    // order's last tie-break (the id) is a comparison EF cannot express on a Guid.
    private const string CandidatesSql = """
        SELECT m.id AS "Value" FROM outbox_messages m
        WHERE m.state = 'Pending' AND m.next_attempt_at <= {0}
          AND (m.lease_until IS NULL OR m.lease_until <= {0})
          AND NOT EXISTS (
            SELECT 1 FROM outbox_messages o
            WHERE o.destination = m.destination AND o.state = 'Pending'
              AND (o.created_at < m.created_at
                OR (o.created_at = m.created_at AND (o.enqueue_order < m.enqueue_order
                  OR (o.enqueue_order = m.enqueue_order AND o.id < m.id)))))
        ORDER BY m.created_at, m.enqueue_order, m.id
        LIMIT {1}
        """;

    public async Task<OutboxClaim> ClaimAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken ct = default)
    {
        var token = Guid.NewGuid();
        if (max <= 0) return new OutboxClaim(token, []);
        var candidates = await db.Database.SqlQueryRaw<Guid>(CandidatesSql, Instant(now), max).ToListAsync(ct);
        if (candidates.Count == 0) return new OutboxClaim(token, []);

        // The conditions are repeated in the UPDATE: a concurrent claimer that read the same candidates
        // finds them leased when its UPDATE gets the row (PostgreSQL re-checks the row; SQLite has one writer).
        var until = now + leaseFor;
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.State == OutboxState.Pending
                && (EF.Property<DateTimeOffset?>(m, OutboxMapping.LeaseUntil) == null || EF.Property<DateTimeOffset?>(m, OutboxMapping.LeaseUntil) <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => EF.Property<Guid?>(m, OutboxMapping.LeaseToken), token)
                .SetProperty(m => EF.Property<DateTimeOffset?>(m, OutboxMapping.LeaseUntil), until), ct);

        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => EF.Property<Guid?>(m, OutboxMapping.LeaseToken) == token)
            .Select(m => m.Id)
            .ToListAsync(ct);
        return new OutboxClaim(token, candidates.Where(claimed.Contains).ToList());
    }

    public Task<OutboxMessage?> FindClaimedAsync(Guid id, Guid claim, CancellationToken ct = default) =>
        db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.State == OutboxState.Pending
            && EF.Property<Guid?>(m, OutboxMapping.LeaseToken) == claim, ct);

    public void Release(OutboxMessage message)
    {
        var entry = db.Entry(message);
        entry.Property<Guid?>(OutboxMapping.LeaseToken).CurrentValue = null;
        entry.Property<DateTimeOffset?>(OutboxMapping.LeaseUntil).CurrentValue = null;
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default) =>
        await db.OutboxMessages.Where(m => m.State == OutboxState.Pending)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => (DateTimeOffset?)m.NextAttemptAt)
            .FirstOrDefaultAsync(ct);

    public async Task<OutboxBacklog> BacklogAsync(CancellationToken ct = default)
    {
        var counts = await db.OutboxMessages
            .Where(m => m.State != OutboxState.Sent)
            .GroupBy(m => m.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Count(OutboxState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
        var oldest = await db.OutboxMessages.Where(m => m.State == OutboxState.Pending)
            .OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var lastFailure = await db.OutboxMessages.Where(m => m.State == OutboxState.Failed)
            .OrderByDescending(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        return new OutboxBacklog(Count(OutboxState.Pending), oldest, Count(OutboxState.Failed), Count(OutboxState.Unreachable), lastFailure);
    }

    // Raw SQL bypasses the value converters: hand the instant over as the column stores it.
    private object Instant(DateTimeOffset at) => db.IsSqlite ? Micros.ConvertToProvider(at)! : at.ToUniversalTime();
}
