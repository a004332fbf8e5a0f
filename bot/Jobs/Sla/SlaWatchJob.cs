using Quartz;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>Fired by a ticket's <c>sla-watch</c> trigger: records what is due and sets the trigger to the next threshold.</summary>
public sealed class SlaWatchJob(SlaWatch watch, QuartzSlaWatchScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("sla-watch", "servicedesk");
    public const string TicketIdKey = "ticketId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var ticketId = Guid.Parse(context.MergedJobDataMap.GetString(TicketIdKey)!);
        var next = await watch.RunAsync(ticketId, cancellationToken);
        await scheduler.WatchAtAsync(ticketId, next, cancellationToken);
    }
}
