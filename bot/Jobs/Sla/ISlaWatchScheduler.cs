namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>Keeps a ticket's SLA watched: what changed it calls <see cref="RescheduleAsync"/> after saving.</summary>
public interface ISlaWatchScheduler
{
    /// <summary>
    /// Re-checks the ticket's SLA at once (recording anything due) and from then on wakes up at its
    /// next threshold. Call after every change that moves the clocks: creation, claim, hold,
    /// resume, resolution, reopen, priority change, escalation. Cheap and idempotent.
    /// </summary>
    Task RescheduleAsync(Guid ticketId, CancellationToken ct = default);
}
