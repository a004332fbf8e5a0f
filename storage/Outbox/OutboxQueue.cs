using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Storage.Conventions;
using ServiceDesk.Storage.Sqlite;

namespace ServiceDesk.Storage.Outbox;

internal sealed class OutboxQueue(ServiceDeskContext db) : IOutboxQueue
{
    private static readonly UnixMicrosecondsConverter Micros = new();

    // Head of the line per destination: no older pending message of the same destination, whatever its
    // due time, so a message waiting for its retry holds back the ones after it; and no other message of
    // the destination under a live lease: units of work committed out of their created_at order (two
    // instances enqueueing for one conversation) would otherwise put an older message at the head while
    // a newer one is being sent, two sends at once in one conversation. Plain SQL because the order's
    // last tie-break (the id) is a comparison EF cannot express on a Guid.
    private const string HeadOfLine = """
        NOT EXISTS (
            SELECT 1 FROM outbox_messages o
            WHERE o.destination = m.destination AND o.state = 'Pending' AND o.id <> m.id
              AND (o.lease_until > {0}
                OR o.created_at < m.created_at
                OR (o.created_at = m.created_at AND (o.enqueue_order < m.enqueue_order
                  OR (o.enqueue_order = m.enqueue_order AND o.id < m.id)))))
        """;

    private const string CandidatesSql = """
        SELECT m.id AS "Value" FROM outbox_messages m
        WHERE m.state = 'Pending' AND m.next_attempt_at <= {0}
          AND (m.lease_until IS NULL OR m.lease_until <= {0})
          AND 
        """ + HeadOfLine + """

        ORDER BY m.created_at, m.enqueue_order, m.id
        LIMIT {1}
        """;

    // PostgreSQL: the candidate looked at again under a lock on its destination, in a statement that starts
    // after the lock is held, so it sees any lease a claim of the same destination committed (two claims of
    // different messages of one conversation cannot both pass the head-of-line test on old snapshots).
    private const string PostgresLockDestinationSql = """
        SELECT pg_try_advisory_xact_lock(hashtextextended(m.destination, 7321)) AS "Value" FROM outbox_messages m WHERE m.id = {0}
        """;

    private const string PostgresLeaseIfHeadSql = """
        UPDATE outbox_messages AS m SET lease_token = {1}, lease_until = {2}
        WHERE m.id = {3} AND m.state = 'Pending' AND m.next_attempt_at <= {0}
          AND (m.lease_until IS NULL OR m.lease_until <= {0})
          AND 
        """ + HeadOfLine;

    public async Task<OutboxClaim> ClaimAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken ct = default)
    {
        var token = Guid.NewGuid();
        if (max <= 0) return new OutboxClaim(token, []);
        var candidates = await db.Database.SqlQueryRaw<Guid>(CandidatesSql, Instant(now), max).ToListAsync(ct);
        if (candidates.Count == 0) return new OutboxClaim(token, []);
        if (db.SqliteWriter is { } writer)
        {
            // Looked at again in the writer's transaction, which holds the write lock: what that SELECT finds is
            // leased before anyone else looks. (The read above spares the lock when there is nothing to claim.)
            var claim = new SqliteClaim(db.Model.FindEntityType(typeof(OutboxMessage))!, now, now + leaseFor, token, max);
            return new OutboxClaim(token, await writer.WriteAsync(claim.Run, ct));
        }

        // Each candidate is leased in one transaction that holds its destination's lock until it commits: a
        // claimer that read the same candidates, or another message of the same conversation, skips it.
        var until = now + leaseFor;
        var claimed = new List<Guid>(candidates.Count);
        var at = Instant(now);
        var tried = new HashSet<Guid>();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Candidates another claimer holds are skipped; a few more looks find the ones after them.
            for (var look = 0; look < 4 && claimed.Count < max; look++)
            {
                if (look > 0)
                    candidates = (await db.Database.SqlQueryRaw<Guid>(CandidatesSql, at, max - claimed.Count + tried.Count).ToListAsync(ct))
                        .Where(c => !tried.Contains(c)).ToList();
                if (candidates.Count == 0) break;
                foreach (var candidate in candidates.Take(max - claimed.Count))
                {
                    tried.Add(candidate);
                    var locked = await db.Database.SqlQueryRaw<bool>(PostgresLockDestinationSql, candidate).ToListAsync(ct);
                    if (locked is not [true]) continue;
                    if (await db.Database.ExecuteSqlRawAsync(PostgresLeaseIfHeadSql, [at, token, until.ToUniversalTime(), candidate], ct) == 1)
                        claimed.Add(candidate);
                }
            }
            await transaction.CommitAsync(ct);
        }
        return new OutboxClaim(token, claimed);
    }

    public async Task<OutboxClaimedMessages> ClaimMessagesAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken ct = default)
    {
        var claim = await ClaimAsync(now, leaseFor, max, ct);
        if (claim.MessageIds.Count == 0) return new OutboxClaimedMessages(claim.Token, now + leaseFor, []);
        var token = claim.Token;
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => EF.Property<Guid?>(m, OutboxMapping.LeaseToken) == token)
            .ToListAsync(ct);
        var order = claim.MessageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new OutboxClaimedMessages(token, now + leaseFor,
            rows.Where(m => order.ContainsKey(m.Id)).OrderBy(m => order[m.Id]).ToList());
    }

    public async Task<OutboxClaimedMessages> ClaimKnownAsync(IReadOnlyList<OutboxMessage> known, DateTimeOffset now, TimeSpan leaseFor, CancellationToken ct = default)
    {
        if (db.SqliteWriter is not { } writer) return await ClaimMessagesAsync(now, leaseFor, known.Count, ct);
        var token = Guid.NewGuid();
        if (known.Count == 0) return new OutboxClaimedMessages(token, now + leaseFor, []);
        var claim = new SqliteKnownClaim(db.Model.FindEntityType(typeof(OutboxMessage))!, known, now, now + leaseFor, token);
        return new OutboxClaimedMessages(token, now + leaseFor, await writer.WriteAsync(claim.Run, ct));
    }

    public async Task<OutboxClaimedMessages> ClaimNextOfAsync(string destination, DateTimeOffset now, TimeSpan leaseFor, CancellationToken ct = default)
    {
        var token = Guid.NewGuid();
        var until = now + leaseFor;
        bool leased;
        if (db.SqliteWriter is { } writer)
        {
            var claim = new SqliteNextClaim(db.Model.FindEntityType(typeof(OutboxMessage))!, destination, now, until, token);
            leased = await writer.WriteAsync(claim.Run, ct);
        }
        else
        {
            // Under the destination's lock, as ClaimAsync leases: the UPDATE starts after it is held and sees any
            // lease a claim of this conversation committed. Held elsewhere: that claimer takes the head.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database.SqlQueryRaw<bool>(PostgresLockOneDestinationSql, destination).ToListAsync(ct);
            leased = locked is [true]
                && await db.Database.ExecuteSqlRawAsync(NextOfSql, [Instant(now), token, until.ToUniversalTime(), destination], ct) == 1;
            await transaction.CommitAsync(ct);
        }
        if (!leased) return new OutboxClaimedMessages(token, until, []);
        // By destination and state first: lease_token has no index, and a scan of the whole table per send costs.
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Destination == destination && m.State == OutboxState.Pending
                && EF.Property<Guid?>(m, OutboxMapping.LeaseToken) == token)
            .ToListAsync(ct);
        return new OutboxClaimedMessages(token, until, rows);
    }

    // The destination's head, leased when due and when no message of the destination is under a live lease: the
    // (destination, state, created_at) index finds it and the destination's pending rows, not the whole queue.
    private const string NextOfSql = """
        UPDATE outbox_messages SET lease_token = {1}, lease_until = {2}
        WHERE id = (
            SELECT h.id FROM outbox_messages h WHERE h.destination = {3} AND h.state = 'Pending'
            ORDER BY h.created_at, h.enqueue_order, h.id LIMIT 1)
          AND next_attempt_at <= {0} AND (lease_until IS NULL OR lease_until <= {0})
          AND NOT EXISTS (
            SELECT 1 FROM outbox_messages o
            WHERE o.destination = {3} AND o.state = 'Pending' AND o.lease_until > {0})
        """;

    private const string PostgresLockOneDestinationSql = """
        SELECT pg_try_advisory_xact_lock(hashtextextended({0}, 7321)) AS "Value"
        """;

    public OutboxMessage TrackClaimed(OutboxMessage claimed, OutboxClaimedMessages claim)
    {
        var entry = db.OutboxMessages.Attach(claimed);
        // The lease columns as the claim wrote them, so that Release clears them.
        var token = entry.Property<Guid?>(OutboxMapping.LeaseToken);
        token.OriginalValue = token.CurrentValue = claim.Token;
        var until = entry.Property<DateTimeOffset?>(OutboxMapping.LeaseUntil);
        until.OriginalValue = until.CurrentValue = claim.LeasedUntil;
        return claimed;
    }

    public void ForgetSaved()
    {
        if (!db.ChangeTracker.HasChanges()) db.ChangeTracker.Clear();
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

    /// <summary>The claim by id as the SQLite writer runs it: one UPDATE per message, with the conditions of a candidate.</summary>
    private sealed class SqliteKnownClaim(IEntityType type, IReadOnlyList<OutboxMessage> known, DateTimeOffset now, DateTimeOffset until, Guid token)
    {
        private const string LeaseIfHeadSql = """
            UPDATE outbox_messages SET lease_token = @token, lease_until = @until
            WHERE id = @id AND state = 'Pending' AND next_attempt_at <= @now
              AND (lease_until IS NULL OR lease_until <= @now)
              AND NOT EXISTS (
                SELECT 1 FROM outbox_messages o
                WHERE o.destination = outbox_messages.destination AND o.state = 'Pending' AND o.id <> outbox_messages.id
                  AND (o.lease_until > @now
                    OR o.created_at < outbox_messages.created_at
                    OR (o.created_at = outbox_messages.created_at AND (o.enqueue_order < outbox_messages.enqueue_order
                      OR (o.enqueue_order = outbox_messages.enqueue_order AND o.id < outbox_messages.id)))))
            """;

        public IReadOnlyList<OutboxMessage> Run(SqliteWriteSession session)
        {
            var instant = Mapping(type, nameof(OutboxMessage.NextAttemptAt));
            var id = Mapping(type, nameof(OutboxMessage.Id));
            var leaseToken = Mapping(type, OutboxMapping.LeaseToken);
            var leaseUntil = Mapping(type, OutboxMapping.LeaseUntil);
            var claimed = new List<OutboxMessage>(known.Count);
            foreach (var message in known)
            {
                var lease = session.Command(LeaseIfHeadSql);
                lease.Parameters.Add(leaseToken.CreateParameter(lease, "@token", token));
                lease.Parameters.Add(leaseUntil.CreateParameter(lease, "@until", until));
                lease.Parameters.Add(instant.CreateParameter(lease, "@now", now));
                lease.Parameters.Add(id.CreateParameter(lease, "@id", message.Id));
                if (lease.ExecuteNonQuery() == 1) claimed.Add(message);
            }
            return claimed;
        }
    }

    /// <summary>The claim of a destination's head on SQLite: one UPDATE, parameters as the columns store them.</summary>
    private sealed class SqliteNextClaim(IEntityType type, string destination, DateTimeOffset now, DateTimeOffset until, Guid token)
    {
        private static readonly string Sql = string.Format(CultureInfo.InvariantCulture, NextOfSql, "@now", "@token", "@until", "@destination");

        public bool Run(SqliteWriteSession session)
        {
            var lease = session.Command(Sql);
            lease.Parameters.Add(Mapping(type, OutboxMapping.LeaseToken).CreateParameter(lease, "@token", token));
            lease.Parameters.Add(Mapping(type, OutboxMapping.LeaseUntil).CreateParameter(lease, "@until", until));
            lease.Parameters.Add(Mapping(type, nameof(OutboxMessage.NextAttemptAt)).CreateParameter(lease, "@now", now));
            lease.Parameters.Add(Mapping(type, nameof(OutboxMessage.Destination)).CreateParameter(lease, "@destination", destination));
            return lease.ExecuteNonQuery() == 1;
        }
    }

    private static RelationalTypeMapping Mapping(IEntityType type, string property) => type.FindProperty(property)!.GetRelationalTypeMapping();

    /// <summary>The claim as the SQLite writer runs it: the candidates, then their lease, in one transaction.</summary>
    private sealed class SqliteClaim(IEntityType type, DateTimeOffset now, DateTimeOffset until, Guid token, int max)
    {
        private static readonly string SelectSql = string.Format(CultureInfo.InvariantCulture, CandidatesSql, "@now", "@max");
        private const string LeaseSql = "UPDATE outbox_messages SET lease_token = @token, lease_until = @until WHERE id = @id";

        public IReadOnlyList<Guid> Run(SqliteWriteSession session)
        {
            var instant = Mapping(nameof(OutboxMessage.NextAttemptAt));
            var select = session.Command(SelectSql);
            select.Parameters.Add(instant.CreateParameter(select, "@now", now));
            select.Parameters.AddWithValue("@max", max);
            var ids = new List<Guid>();
            using (var reader = select.ExecuteReader())
                while (reader.Read()) ids.Add(reader.GetGuid(0));

            var id = Mapping(nameof(OutboxMessage.Id));
            var leaseToken = Mapping(OutboxMapping.LeaseToken);
            var leaseUntil = Mapping(OutboxMapping.LeaseUntil);
            foreach (var candidate in ids)
            {
                var lease = session.Command(LeaseSql);
                lease.Parameters.Add(leaseToken.CreateParameter(lease, "@token", token));
                lease.Parameters.Add(leaseUntil.CreateParameter(lease, "@until", until));
                lease.Parameters.Add(id.CreateParameter(lease, "@id", candidate));
                lease.ExecuteNonQuery();
            }
            return ids;
        }

        private RelationalTypeMapping Mapping(string property) => type.FindProperty(property)!.GetRelationalTypeMapping();
    }

    // Raw SQL bypasses the value converters: hand the instant over as the column stores it.
    private object Instant(DateTimeOffset at) => db.IsSqlite ? Micros.ConvertToProvider(at)! : at.ToUniversalTime();
}
