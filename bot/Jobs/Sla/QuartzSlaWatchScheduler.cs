using NodaTime;
using Quartz;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>One durable one-shot trigger per ticket (<c>sla-watch.&lt;ticket id&gt;</c>), always set to the next threshold.</summary>
public sealed class QuartzSlaWatchScheduler(ISchedulerFactory schedulers, TimeProvider time) : ISlaWatchScheduler
{
    public const string TriggerGroup = "sla-watch";

    public static TriggerKey TriggerKeyFor(Guid ticketId) => new(ticketId.ToString("N"), TriggerGroup);

    public async Task RescheduleAsync(Guid ticketId, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        // Replace: whatever the trigger waited for was computed before this change.
        await scheduler.ScheduleTrigger(Trigger(ticketId, time.GetUtcNow()), TriggerConflict.Replace, ct);
    }

    /// <summary>
    /// Wakes the watch at <paramref name="next"/> unless it is already due to wake earlier: an
    /// earlier wake-up set meanwhile (a change while the job ran) costs one extra check, a later one
    /// could miss a threshold. Null leaves things as they are: the firing trigger then completes.
    /// </summary>
    internal async Task WatchAtAsync(Guid ticketId, Instant? next, CancellationToken ct)
    {
        if (next is null) return;
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.ScheduleTrigger(Trigger(ticketId, next.Value.ToDateTimeOffset()), TriggerConflict.KeepEarlier, ct);
    }

    private static ITrigger Trigger(Guid ticketId, DateTimeOffset at) => TriggerBuilder.Create()
        .WithIdentity(TriggerKeyFor(ticketId))
        .ForJob(SlaWatchJob.Key)
        .UsingJobData(SlaWatchJob.TicketIdKey, ticketId.ToString())
        .StartAt(at)
        .WithRetryPolicy(JobsSetup.RetryOnFailure)
        // Due while the bot was down: check as soon as it is back.
        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();
}
