namespace ServiceDesk.Domain.Tickets;

/// <summary>
/// The SLA targets in force when the ticket was registered (or last re-prioritized), kept on the
/// ticket so a later policy change does not move existing deadlines.
/// </summary>
public sealed record TicketSlaTargets(string PolicyKey, string CalendarKey, TimeSpan Response, TimeSpan Resolution);
