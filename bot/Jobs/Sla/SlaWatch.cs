using Microsoft.Extensions.Options;
using NodaTime;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>
/// Records the SLA thresholds a ticket has reached, each once, with what follows: a warning is
/// told; a resolution breach escalates to the next level, anything else that breaches calls the
/// coordinators. Exactly once holds across runs and instances because the record is the ticket's
/// own event (<see cref="Ticket.HasSlaEvent"/>) saved under its version: a concurrent duplicate
/// conflicts, re-reads, and finds nothing left to do.
/// </summary>
public sealed class SlaWatch(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeskOptions> desk, ILogger<SlaWatch> log)
{
    /// <summary>Records what is due on the ticket now; returns when the next threshold falls (null: nothing to wait for).</summary>
    public Task<Instant?> RunAsync(Guid ticketId, CancellationToken ct) =>
        ConflictRetry.RunAsync(scopes, services => RunOnceAsync(services, ticketId, ct), ct);

    private async Task<Instant?> RunOnceAsync(IServiceProvider services, Guid ticketId, CancellationToken ct)
    {
        var ticket = await services.GetRequiredService<ITicketRepository>().FindAsync(ticketId, ct);
        if (ticket is null) return null;
        var calendar = await services.GetRequiredService<ISlaRepository>().FindCalendarAsync(ticket.Sla.CalendarKey, ct);
        if (calendar is null)
        {
            log.LogError("{Ticket} counts its SLA in calendar {Calendar}, which does not exist: its SLA is not watched.", ticket.Number, ticket.Sla.CalendarKey);
            return null;
        }
        var now = time.GetUtcNow();
        var check = SlaCheck.Of(ticket, calendar, Instant.FromDateTimeOffset(now));
        if (check.Due.Count == 0) return check.NextAt;

        foreach (var threshold in check.Due)
        {
            if (threshold.IsBreach) ticket.RecordSlaBreach(threshold.Target, now);
            else ticket.RecordSlaWarning(threshold.Target, now);
        }
        var notifier = services.GetRequiredService<ISlaNotifier>();
        foreach (var threshold in check.Due)
        {
            var dueAt = (threshold.Target == SlaTarget.Response ? check.State!.ResponseDue : check.State!.ResolutionDue).ToDateTimeOffset();
            if (!threshold.IsBreach)
            {
                // A warning overtaken by its breach in the same run (the bot was down) is recorded, not told: the breach says more.
                if (!check.Due.Any(t => t.IsBreach && t.Target == threshold.Target))
                    await notifier.WarnAsync(ticket, threshold.Target, dueAt, ct);
            }
            else if (threshold.Target == SlaTarget.Resolution && await EscalateAsync(services, ticket, now, ct) is { } escalatedFrom)
            {
                await notifier.EscalatedAsync(ticket, threshold.Target, dueAt, escalatedFrom.Group, escalatedFrom.Assignee, ct);
            }
            else
            {
                ticket.CallCoordinator(Reason(threshold.Target), PersonRef.System, now);
                await notifier.CoordinatorsCalledAsync(ticket, threshold.Target, dueAt, ct);
            }
        }
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
        log.LogInformation("{Ticket}: recorded {Thresholds}.", ticket.Number, string.Join(", ", check.Due.Select(t => $"{t.Kind} {t.Target}")));
        return SlaCheck.Of(ticket, calendar, Instant.FromDateTimeOffset(now)).NextAt;
    }

    // Moves the ticket to the next level's group when there is one; returns where it came from.
    private async Task<(string Group, PersonRef? Assignee)?> EscalateAsync(IServiceProvider services, Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        if (!TicketLifecycle.Allows(ticket.Status, TicketTransition.Escalate)) return null;
        if (await services.GetRequiredService<SlaEscalationPath>().NextGroupAsync(ticket, ct) is not { } group) return null;
        var from = (ticket.Group, ticket.Assignee);
        ticket.Escalate(group.Level, group.Name, Reason(SlaTarget.Resolution), PersonRef.System, now);
        return from;
    }

    // The event log's reason is written once, in the desk's language.
    private string Reason(SlaTarget target)
    {
        var texts = Texts.For(Languages.Resolve(null, desk.Value.DefaultLocale));
        return texts.Sentence("sla.notice.reason", ("target", texts.Name(target)));
    }
}
