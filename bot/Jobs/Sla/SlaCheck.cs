using NodaTime;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>One threshold of one SLA target: the 75 % warning or the breach.</summary>
public sealed record SlaThreshold(TicketEventType Kind, SlaTarget Target, Instant At)
{
    public bool IsBreach => Kind == TicketEventType.SlaBreached;
}

/// <summary>
/// What the SLA watch finds on a ticket at one instant: the thresholds reached and not yet recorded
/// (oldest first), and when the next one will be reached if nothing changes (null: nothing to wait
/// for, e.g. paused, resolved, or every threshold recorded).
/// </summary>
public sealed record SlaCheck(IReadOnlyList<SlaThreshold> Due, Instant? NextAt, SlaState? State)
{
    private static readonly SlaCheck Nothing = new([], null, null);

    public static SlaCheck Of(Ticket ticket, BusinessCalendar calendar, Instant now)
    {
        // Warnings and breaches are about open tickets; a resolved ticket's clock has stopped.
        if (!ticket.Status.IsOpen()) return Nothing;
        var state = SlaClock.Evaluate(ticket.ToSlaTimeline(), ticket.Sla.ToSlaTargets(), calendar, now);

        var thresholds = new List<SlaThreshold>();
        void Consider(TicketEventType kind, SlaTarget target, Instant? at)
        {
            if (at is { } reached && !ticket.HasSlaEvent(kind, target)) thresholds.Add(new SlaThreshold(kind, target, reached));
        }
        // Once someone responded, the response clock has nothing more to say.
        if (state.RespondedAt is null)
        {
            Consider(TicketEventType.SlaWarning, SlaTarget.Response, state.ResponseWarningAt);
            Consider(TicketEventType.SlaBreached, SlaTarget.Response, state.ResponseDue);
        }
        Consider(TicketEventType.SlaWarning, SlaTarget.Resolution, state.WarningAt);
        Consider(TicketEventType.SlaBreached, SlaTarget.Resolution, state.BreachAt);

        var due = thresholds.Where(t => t.At <= now).OrderBy(t => t.At).ThenBy(t => t.IsBreach).ToList();
        var next = thresholds.Where(t => t.At > now).Select(t => (Instant?)t.At).Min();
        return new SlaCheck(due, next, state);
    }
}
