using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Storage;

// How a failed save involving conversations reads to the caller.
public sealed partial class ServiceDeskContext
{
    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();

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
