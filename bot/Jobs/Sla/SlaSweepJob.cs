using NodaTime;
using Quartz;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>
/// Every <c>Scheduler:SlaSweepInterval</c>, every open ticket: records what is due (a ticket whose
/// change nobody rescheduled, one opened before the scheduler ran) and makes sure its trigger
/// wakes up no later than its next threshold. The per-ticket triggers are the precision; this is
/// the guarantee.
/// </summary>
[DisallowConcurrentExecution] // a slow sweep is not overtaken by the next one
public sealed class SlaSweepJob(IServiceScopeFactory scopes, SlaWatch watch, QuartzSlaWatchScheduler scheduler, TimeProvider time, ILogger<SlaSweepJob> log) : IJob
{
    public static readonly JobKey Key = new("sla-sweep", "servicedesk");
    public static readonly TriggerKey TriggerKey = new("sla-sweep", "servicedesk");
    private const int PageSize = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var calendars = new Dictionary<string, BusinessCalendar?>();
        var watched = 0;
        for (var skip = 0; ; skip += PageSize)
        {
            List<(Guid Id, bool Due, Instant? Next)> page;
            int read;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var tickets = await scope.ServiceProvider.GetRequiredService<ITicketRepository>()
                    .QueryAsync(new TicketQuery(OpenOnly: true, Skip: skip, Take: PageSize), cancellationToken);
                var sla = scope.ServiceProvider.GetRequiredService<ISlaRepository>();
                page = [];
                var now = Instant.FromDateTimeOffset(time.GetUtcNow());
                foreach (var ticket in tickets)
                {
                    if (!calendars.TryGetValue(ticket.Sla.CalendarKey, out var calendar))
                        calendars[ticket.Sla.CalendarKey] = calendar = await sla.FindCalendarAsync(ticket.Sla.CalendarKey, cancellationToken);
                    if (calendar is null) continue;
                    var check = SlaCheck.Of(ticket, calendar, now);
                    page.Add((ticket.Id, check.Due.Count > 0, check.NextAt));
                }
                read = tickets.Count;
            }
            foreach (var (id, due, next) in page)
            {
                // Only a ticket with something due is written to, and then on a fresh read.
                var wakeAt = due ? await watch.RunAsync(id, cancellationToken) : next;
                await scheduler.WatchAtAsync(id, wakeAt, cancellationToken);
                watched++;
            }
            if (read < PageSize) break;
        }
        log.LogDebug("SLA sweep: {Count} open tickets checked.", watched);
    }
}
