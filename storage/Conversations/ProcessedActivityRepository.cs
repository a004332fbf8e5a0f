using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Storage.Conversations;

internal sealed class ProcessedActivityRepository(ServiceDeskContext db) : IProcessedActivities
{
    public Task<ProcessedActivity?> FindAsync(string channelId, string activityId, CancellationToken ct = default) =>
        db.ProcessedActivities.AsNoTracking().FirstOrDefaultAsync(a => a.ChannelId == channelId && a.ActivityId == activityId, ct);

    public void Record(ProcessedActivity activity) => db.ProcessedActivities.Add(activity);

    public Task<int> ForgetBeforeAsync(DateTimeOffset before, CancellationToken ct = default) =>
        db.ProcessedActivities.Where(a => a.ProcessedAt < before).ExecuteDeleteAsync(ct);
}
