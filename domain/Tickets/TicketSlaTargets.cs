using NodaTime;
using ServiceDesk.Domain.Sla;

namespace ServiceDesk.Domain.Tickets;

/// <summary>
/// The SLA targets in force when the ticket was registered (or last re-prioritized), kept on the
/// ticket so a later policy change does not move existing deadlines.
/// </summary>
public sealed record TicketSlaTargets(string PolicyKey, string CalendarKey, TimeSpan Response, TimeSpan Resolution)
{
    public static TicketSlaTargets From(string policyKey, SlaTargets targets) =>
        new(policyKey, targets.CalendarId, targets.Response.ToTimeSpan(), targets.Resolution.ToTimeSpan());

    public SlaTargets ToSlaTargets() => new(Duration.FromTimeSpan(Response), Duration.FromTimeSpan(Resolution), CalendarKey);
}
