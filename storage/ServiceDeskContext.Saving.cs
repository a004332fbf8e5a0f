using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Storage.Numbering;
using ServiceDesk.Storage.Sqlite;

namespace ServiceDesk.Storage;

// The unit of work: numbers, every tracked change and the outbox, in one transaction.
public sealed partial class ServiceDeskContext
{
    Task IUnitOfWork.SaveChangesAsync(CancellationToken ct) => SaveChangesAsync(ct);

    // Numbering needs async round trips inside the transaction; one code path is easier to trust.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("ServiceDeskContext saves asynchronously only: use SaveChangesAsync.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One look for changes: every Entries(), HasChanges() and Local would look again (each comparing every
        // tracked entity with its snapshot) unless automatic detection is off while this method reads the tracker.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        List<EntityEntry<ConversationReference>>? references;
        SqliteUnitOfWork? unit = null;
        try
        {
            EnsureEventLogAppendOnly();
            if (!ChangeTracker.HasChanges()) return 0;
            references = ReferencesToWrite();
            // Turns and the outbox dispatcher write only their own rows: those units are committed in groups.
            if (_numberingTransaction is null && Database.CurrentTransaction is null && SqliteWriter is not null)
                unit = SqliteUnitOfWork.Capture(ChangeTracker);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        if (unit is not null)
            return await SaveInGroupAsync(SqliteWriter!, unit, references, acceptAllChangesOnSuccess, cancellationToken);

        // A transaction opened early to number a ticket (AllocateNumberNowAsync) belongs to this unit of work.
        var transaction = _numberingTransaction ?? (Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null);
        _numberingTransaction = null;
        var numbered = new List<EntityEntry>(_numberedEarly);
        _numberedEarly.Clear();
        try
        {
            await AssignNumbersAsync(numbered, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            if (transaction is not null)
            {
                ReferencesCommitted(references);
                Committed?.Invoke();
            }
            else
            {
                ReferencesFailed(references); // the caller's transaction decides: read them again next time
            }
            return written;
        }
        catch (Exception failure)
        {
            ReferencesFailed(references);
            if (transaction is not null) await RollbackQuietlyAsync(transaction);
            // The rollback gave the numbers back; the entities must forget them too, or a retry
            // would insert a number that another writer may get next.
            foreach (var entry in numbered) entry.Property(nameof(Ticket.Sequence)).CurrentValue = 0L;
            if (await AsConversationConflictAsync(failure) is { } duplicate) throw duplicate;
            if (await AsConflictAsync(failure) is { } conflict) throw conflict;
            throw;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    private async Task<int> SaveInGroupAsync(SqliteWriter writer, SqliteUnitOfWork unit, List<EntityEntry<ConversationReference>>? references,
        bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        int written;
        try
        {
            written = await writer.WriteAsync(unit.Execute, ct);
        }
        catch (Exception e)
        {
            ReferencesFailed(references);
            // What EF's DbUpdateConcurrencyException and DbUpdateException read as (AsConflictAsync, AsConversationConflictAsync).
            if (e is SqliteUnitOfWork.RowNotFoundException stale)
                throw new ConcurrencyConflictException(RecordKey(stale.Entry.Entity), stale);
            if (!SqliteErrors.IsConstraint(e)) throw;
            var failure = new DbUpdateException($"A unit of work was refused: {e.Message}", e, unit.Entries);
            throw await AsConversationConflictAsync(failure) ?? await AsConflictAsync(failure) ?? (Exception)failure;
        }
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        ReferencesCommitted(references);
        Committed?.Invoke();
        return written;
    }

    private IDbContextTransaction? _numberingTransaction;
    private readonly List<EntityEntry> _numberedEarly = [];

    /// <summary>
    /// Numbers a tracked new ticket now, so what the bot says about it can carry its number in the
    /// same unit of work. Opens the unit's transaction (holding the counter's lock until
    /// SaveChangesAsync commits, or gives the number back if it fails).
    /// </summary>
    internal async Task AllocateNumberNowAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.HasNumber) return;
        if (_numberingTransaction is null && Database.CurrentTransaction is null)
            _numberingTransaction = await Database.BeginTransactionAsync(ct);
        var transaction = Database.CurrentTransaction!.GetDbTransaction();
        var sequence = await NumberAllocator.ReserveAsync(Database.GetDbConnection(), transaction, TicketKindPrefix.Of(ticket.Kind), 1, ct);
        ticket.AssignNumber(sequence);
        _numberedEarly.Add(Entry(ticket));
    }

    private async Task AssignNumbersAsync(List<EntityEntry> numbered, CancellationToken ct)
    {
        var pending = new List<(string Kind, DateTimeOffset At, EntityEntry Entry, Action<long> Assign)>();
        foreach (var e in ChangeTracker.Entries<Ticket>())
            if (e.State == EntityState.Added && !e.Entity.HasNumber)
                pending.Add((TicketKindPrefix.Of(e.Entity.Kind), e.Entity.CreatedAt, e, e.Entity.AssignNumber));
        foreach (var e in ChangeTracker.Entries<Problem>())
            if (e.State == EntityState.Added && !e.Entity.HasNumber)
                pending.Add((Problem.Prefix, e.Entity.OpenedAt, e, e.Entity.AssignNumber));
        if (pending.Count == 0) return;

        var connection = Database.GetDbConnection();
        var transaction = Database.CurrentTransaction!.GetDbTransaction();
        // Counters are always locked in the same (ordinal) order, so two writers never deadlock.
        foreach (var kind in pending.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var next = await NumberAllocator.ReserveAsync(connection, transaction, kind.Key, kind.Count(), ct);
            foreach (var item in kind.OrderBy(p => p.At))
            {
                item.Assign(next++);
                numbered.Add(item.Entry);
            }
        }
    }

    private void EnsureEventLogAppendOnly()
    {
        foreach (var e in ChangeTracker.Entries<TicketEvent>())
            if (e.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"ticket_events is append-only; an event was {e.State}.");
    }

    /// <summary>
    /// A stale version shows up either as an UPDATE that matched no row (EF's concurrency
    /// exception) or, when the other writer's new event row got in first, as a key violation on
    /// ticket_events. The second case is recognized by re-reading the versions we based our write on.
    /// </summary>
    private async Task<ConcurrencyConflictException?> AsConflictAsync(Exception failure)
    {
        if (failure is DbUpdateConcurrencyException concurrency)
            return new ConcurrencyConflictException(RecordKey(concurrency.Entries.FirstOrDefault()?.Entity), concurrency);
        if (failure is not DbUpdateException) return null;
        try
        {
            foreach (var e in ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified).ToList())
            {
                var original = e.Property(t => t.Version).OriginalValue;
                var current = await Tickets.AsNoTracking().Where(t => t.Id == e.Entity.Id).Select(t => (int?)t.Version).FirstOrDefaultAsync();
                if (current != original) return new ConcurrencyConflictException(RecordKey(e.Entity), failure);
            }
            foreach (var e in ChangeTracker.Entries<Problem>().Where(e => e.State == EntityState.Modified).ToList())
            {
                var original = e.Property(p => p.Version).OriginalValue;
                var current = await Problems.AsNoTracking().Where(p => p.Id == e.Entity.Id).Select(p => (int?)p.Version).FirstOrDefaultAsync();
                if (current != original) return new ConcurrencyConflictException(RecordKey(e.Entity), failure);
            }
            // An outage's update or affected-person row collides on its key when another writer added one first.
            foreach (var e in ChangeTracker.Entries<ServiceDesk.Domain.Outages.Outage>().Where(e => e.State == EntityState.Modified).ToList())
            {
                var original = e.Property(o => o.Version).OriginalValue;
                var current = await Outages.AsNoTracking().Where(o => o.Id == e.Entity.Id).Select(o => (int?)o.Version).FirstOrDefaultAsync();
                if (current != original) return new ConcurrencyConflictException($"outage {e.Entity.Id}", failure);
            }
        }
        catch (Exception)
        {
            // Could not tell (e.g. the database is gone): report the original failure.
        }
        return null;
    }

    private static string RecordKey(object? entity) => entity switch
    {
        Ticket t => t.HasNumber ? t.Number.ToString() : $"ticket {t.Id}",
        Problem p => p.HasNumber ? p.Number : $"problem {p.Id}",
        OutboxMessage m => $"outbox message {m.Id}",
        ConversationReference r => $"conversation {r.Key}",
        null => "a record",
        _ => entity.GetType().Name,
    };

    private static async Task RollbackQuietlyAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The connection may already have dropped the transaction; the original error matters.
        }
    }
}
