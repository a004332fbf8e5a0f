using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Storage.Conversations;

namespace ServiceDesk.Storage;

// How a failed save involving conversations reads to the caller.
public sealed partial class ServiceDeskContext
{
    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();

    /// <summary>
    /// What this process last read or committed of each reference (see <see cref="ConversationReferenceCache"/>);
    /// with the SQLite writer only (one machine).
    /// </summary>
    internal ConversationReferenceCache? ReferenceCache =>
        _referenceCache ??= SqliteWriter is not null ? ConversationReferenceCache.For(Database.GetConnectionString()!) : null;
    private ConversationReferenceCache? _referenceCache;

    /// <summary>The reference this unit of work tracks under <paramref name="key"/>, found without a look for changes (keys do not change).</summary>
    internal ConversationReference? TrackedReference(string key)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ConversationReferences.Local.FindEntry(key)?.Entity;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>The references a unit of work is about to write: kept in the cache after it commits, forgotten if it fails.</summary>
    private List<EntityEntry<ConversationReference>>? ReferencesToWrite()
    {
        if (ReferenceCache is null) return null;
        List<EntityEntry<ConversationReference>>? changed = null;
        foreach (var entry in ChangeTracker.Entries<ConversationReference>())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                (changed ??= []).Add(entry);
        return changed;
    }

    private void ReferencesCommitted(List<EntityEntry<ConversationReference>>? written)
    {
        if (written is null || ReferenceCache is not { } cache) return;
        foreach (var entry in written)
        {
            if (entry.State is EntityState.Unchanged) cache.Keep(entry);
            else cache.Forget(entry.Entity.Key); // deleted, or changes not accepted: read it again next time
        }
    }

    private void ReferencesFailed(List<EntityEntry<ConversationReference>>? written)
    {
        if (written is null || ReferenceCache is not { } cache) return;
        foreach (var entry in written) cache.Forget(entry.Entity.Key);
    }

    /// <summary>
    /// A key violation on processed_activities means another delivery of the same activity committed
    /// first: a duplicate, not an error. One on conversation_references means another turn created the
    /// reference first: a conflict the caller retries (and then refreshes it). Read after the rollback.
    /// </summary>
    private async Task<Exception?> AsConversationConflictAsync(Exception failure)
    {
        if (failure is not DbUpdateException) return null;
        try
        {
            foreach (var e in ChangeTracker.Entries<ProcessedActivity>().Where(e => e.State == EntityState.Added).ToList())
            {
                var (channel, id) = (e.Entity.ChannelId, e.Entity.ActivityId);
                if (await ProcessedActivities.AsNoTracking().AnyAsync(a => a.ChannelId == channel && a.ActivityId == id))
                    return new DuplicateActivityException(channel, id, failure);
            }
            foreach (var e in ChangeTracker.Entries<ConversationReference>().Where(e => e.State == EntityState.Added).ToList())
            {
                var key = e.Entity.Key;
                if (await ConversationReferences.AsNoTracking().AnyAsync(r => r.Key == key))
                    return new ConcurrencyConflictException($"conversation {key}", failure);
            }
        }
        catch (Exception)
        {
            // Could not tell (e.g. the database is gone): report the original failure.
        }
        return null;
    }
}
