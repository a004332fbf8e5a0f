using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Storage.Outbox;

/// <summary>
/// The outbox as dispatchers on several instances share it: each due message is claimed by one of
/// them for a while (a lease), and only the oldest pending message of a destination is ever
/// claimable, so one conversation's messages go out one at a time and in order.
/// </summary>
public interface IOutboxQueue
{
    /// <summary>Leases up to <paramref name="max"/> due messages that no other claim holds.</summary>
    Task<OutboxClaim> ClaimAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken ct = default);

    /// <summary>The claimed message, tracked, when this claim still holds it; null when it lapsed or the message moved on.</summary>
    Task<OutboxMessage?> FindClaimedAsync(Guid id, Guid claim, CancellationToken ct = default);

    /// <summary>Ends the claim on a tracked message (saved with the unit of work), so a rescheduled message is due on time.</summary>
    void Release(OutboxMessage message);

    /// <summary>When the earliest pending message is due (null: nothing pending), so the dispatcher can sleep until then.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default);

    Task<OutboxBacklog> BacklogAsync(CancellationToken ct = default);
}

/// <param name="MessageIds">Oldest first; at most one per destination.</param>
public sealed record OutboxClaim(Guid Token, IReadOnlyList<Guid> MessageIds);

/// <param name="OldestPendingAt">When the oldest message still waiting was enqueued.</param>
/// <param name="LastFailureAt">When the most recent dead letter (failed) was enqueued.</param>
public sealed record OutboxBacklog(int Pending, DateTimeOffset? OldestPendingAt, int Failed, int Unreachable, DateTimeOffset? LastFailureAt);

/// <summary>Told after a unit of work that enqueued messages commits, so the dispatcher sends them at once instead of at its next poll.</summary>
public interface IOutboxSignal
{
    void MessagesEnqueued();
}

internal sealed class NoOutboxSignal : IOutboxSignal
{
    public void MessagesEnqueued() { }
}
