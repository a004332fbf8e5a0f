using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>
/// Tells people about SLA thresholds. Implementations enqueue outbox messages, so what they say is
/// saved in the same unit of work as the SLA event that caused it: recorded once, said once.
/// </summary>
public interface ISlaNotifier
{
    /// <summary>75 % of a target used: the assignee is told, or the group's channel while nobody owns the ticket.</summary>
    Task WarnAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, CancellationToken ct);

    /// <summary>The resolution target was breached and the ticket moved up: its new group's channel and the former assignee are told.</summary>
    Task EscalatedAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, string fromGroup, PersonRef? formerAssignee, CancellationToken ct);

    /// <summary>A breach no group can take further (nobody responded, no next level): the coordinators and the group's channel are told.</summary>
    Task CoordinatorsCalledAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, CancellationToken ct);
}
