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

    /// <summary>
    /// Leases like <see cref="ClaimAsync"/> and reads the claimed messages in the same go (untracked, oldest
    /// first), so that a dispatcher sending many needs no read per message (see <see cref="TrackClaimed"/>).
    /// </summary>
    Task<OutboxClaimedMessages> ClaimMessagesAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken ct = default);

    /// <summary>
    /// Leases those of <paramref name="known"/> (messages this process committed) that are due, unleased
    /// and the oldest pending message of their destination, without looking at any other message: the
    /// cheap claim of a dispatcher told what was just committed. The others are left as they are (the
    /// general claim finds them when their turn comes). A provider without a targeted claim claims as
    /// <see cref="ClaimMessagesAsync"/> would, up to as many messages.
    /// </summary>
    Task<OutboxClaimedMessages> ClaimKnownAsync(IReadOnlyList<OutboxMessage> known, DateTimeOffset now, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>
    /// Leases the oldest pending message of <paramref name="destination"/> when it is due and no message of the
    /// destination is under a live lease, and reads it (untracked): a dispatcher that just sent one message of
    /// a conversation goes on with the next without a look at the whole queue. Empty when the destination has
    /// nothing claimable (nothing pending, its head waits for a retry, or another claim holds it).
    /// </summary>
    Task<OutboxClaimedMessages> ClaimNextOfAsync(string destination, DateTimeOffset now, TimeSpan leaseFor, CancellationToken ct = default);

    /// <summary>
    /// Tracks a message read by <see cref="ClaimMessagesAsync"/> (or passed to <see cref="ClaimKnownAsync"/>) in this unit of work, as
    /// <see cref="FindClaimedAsync"/> would have returned it. Its result is saved only if nobody recorded
    /// one meanwhile (the attempts count is the message's version).
    /// </summary>
    OutboxMessage TrackClaimed(OutboxMessage claimed, OutboxClaimedMessages claim);

    /// <summary>
    /// After a save, the unit of work forgets what it tracks (when nothing is left unsaved), so a dispatcher
    /// that goes on with other messages in it reads them, and their conversations, afresh.
    /// </summary>
    void ForgetSaved();

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

/// <param name="Messages">Oldest first; at most one per destination; not tracked.</param>
/// <param name="LeasedUntil">When the claim lapses.</param>
public sealed record OutboxClaimedMessages(Guid Token, DateTimeOffset LeasedUntil, IReadOnlyList<OutboxMessage> Messages);

/// <param name="OldestPendingAt">When the oldest message still waiting was enqueued.</param>
/// <param name="LastFailureAt">When the most recent dead letter (failed) was enqueued.</param>
public sealed record OutboxBacklog(int Pending, DateTimeOffset? OldestPendingAt, int Failed, int Unreachable, DateTimeOffset? LastFailureAt);

/// <summary>Told after a unit of work that enqueued messages commits, so the dispatcher sends them at once instead of at its next poll.</summary>
public interface IOutboxSignal
{
    void MessagesEnqueued();

    /// <summary>
    /// The messages a unit of work just committed (as it enqueued them, in order), for a dispatcher in this
    /// process to claim by id (<see cref="IOutboxQueue.ClaimKnownAsync"/>); by default just a wake-up.
    /// </summary>
    void MessagesCommitted(IReadOnlyList<OutboxMessage> messages) => MessagesEnqueued();
}

internal sealed class NoOutboxSignal : IOutboxSignal
{
    public void MessagesEnqueued() { }
}
