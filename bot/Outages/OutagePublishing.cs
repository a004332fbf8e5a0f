using Quartz;
using ServiceDesk.Bot.Jobs;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Bot.Outages;

/// <summary>When a scheduled outage's notice goes out: a durable trigger, so a restart loses none.</summary>
public interface IOutageScheduler
{
    /// <summary>Called before the outage is saved: if the save fails the trigger fires, finds nothing and does nothing.</summary>
    Task ScheduleAsync(Guid outageId, DateTimeOffset startsAt, CancellationToken ct = default);

    Task CancelAsync(Guid outageId, CancellationToken ct = default);
}

/// <summary>One one-shot trigger <c>outage.&lt;id&gt;</c> on the durable job <see cref="OutagePublishJob.Key"/> (Quartz's ADO store).</summary>
public sealed class QuartzOutageScheduler(ISchedulerFactory schedulers) : IOutageScheduler
{
    public const string OutageIdKey = "outageId";

    public static TriggerKey TriggerKeyFor(Guid outageId) => new(outageId.ToString("N"), "outage");

    public async Task ScheduleAsync(Guid outageId, DateTimeOffset startsAt, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<OutagePublishJob>().WithIdentity(OutagePublishJob.Key).StoreDurably().RequestRecovery().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(outageId))
            .ForJob(OutagePublishJob.Key)
            .UsingJobData(OutageIdKey, outageId.ToString())
            .StartAt(startsAt)
            .WithRetryPolicy(JobsSetup.RetryOnFailure)
            // Due while the bot was down: published as soon as it is back.
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, ct);
    }

    public async Task CancelAsync(Guid outageId, CancellationToken ct = default) =>
        await (await schedulers.GetScheduler(ct)).UnscheduleJob(TriggerKeyFor(outageId), ct);
}

/// <summary>Publishes a scheduled outage at its start. Idempotent: an outage already published (another instance, a recovered firing) is left alone.</summary>
public sealed class OutagePublishJob(OutagePublisher publisher) : IJob
{
    public static readonly JobKey Key = new("outage-publish", "servicedesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var id = Guid.Parse(context.MergedJobDataMap.GetString(QuartzOutageScheduler.OutageIdKey)!);
        await publisher.PublishDueAsync(id, cancellationToken);
    }
}

/// <summary>The job's side: its own unit of work, retried on a conflict with another writer of the same outage.</summary>
public sealed partial class OutagePublisher(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutagePublisher> log)
{
    /// <returns>True when this run published it.</returns>
    public Task<bool> PublishDueAsync(Guid outageId, CancellationToken ct) =>
        ConflictRetry.RunAsync(scopes, async services =>
        {
            var outage = await services.GetRequiredService<IOutageRepository>().FindAsync(outageId, ct);
            var now = time.GetUtcNow();
            if (outage is null || !outage.IsDueAt(now))
            {
                LogNothingToPublish(outageId, outage?.Status.ToString() ?? "missing");
                return false;
            }
            await services.GetRequiredService<OutageDesk>().PublishAsync(outage, ct);
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            return true;
        }, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage {Outage}: nothing to publish ({Status})")]
    private partial void LogNothingToPublish(Guid outage, string status);
}
