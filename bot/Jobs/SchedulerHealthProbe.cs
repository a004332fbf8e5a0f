using Quartz;
using ServiceDesk.Bot.Health;
using ServiceDesk.Bot.Jobs.Sla;

namespace ServiceDesk.Bot.Jobs;

/// <summary>/healthz's "scheduler": started, and its store answers (one read of the SLA sweep job).</summary>
internal sealed class SchedulerHealthProbe(ISchedulerFactory schedulers) : IHealthProbe
{
    public string Name => "scheduler";
    public bool Essential => true;

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        IScheduler scheduler;
        try
        {
            scheduler = await schedulers.GetScheduler(ct);
            if (scheduler.Status != SchedulerStatus.Running)
                return new HealthReport(false, scheduler.Status == SchedulerStatus.Created ? "starting" : scheduler.Status.ToString().ToLowerInvariant());
            if (!await scheduler.Exists(SlaSweepJob.Key, ct))
                return new HealthReport(false, "the SLA sweep job is missing from the store");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the type: store errors can carry host and user names.
            return new HealthReport(false, $"scheduler check failed ({e.GetType().Name})");
        }
        var metadata = await scheduler.GetMetadata(ct);
        return new HealthReport(true, metadata.JobStoreClustered ? $"running, clustered as {scheduler.SchedulerInstanceId}" : "running");
    }
}
