using ServiceDesk.Bot.Jobs.Sla;
using ServiceDesk.Bot.Jobs.Surveys;

namespace ServiceDesk.Bot.Tickets;

/// <summary>The scheduler hears about saved ticket changes: the SLA watch moves to the next threshold, a resolution schedules the survey, a reopen calls it off.</summary>
internal sealed class TicketSchedules(IServiceProvider services) : ITicketChangeObserver
{
    public async Task SavedAsync(TicketSaved change, CancellationToken ct)
    {
        // Hosts without the scheduler (some tests, tools) simply have nothing to tell.
        if (services.GetService<ISurveyScheduler>() is { } surveys)
        {
            if (change.Reopened) await surveys.CancelAsync(change.TicketId, ct);
            if (change.ResolvedAt is { } resolvedAt) await surveys.ScheduleAsync(change.TicketId, resolvedAt, ct);
        }
        if (services.GetService<ISlaWatchScheduler>() is { } watch) await watch.RescheduleAsync(change.TicketId, ct);
    }
}
