using System.Threading.RateLimiting;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// Teams' limits for a bot (protocol.md §3): per conversation 7 per second, 8 per 2 s and 60 per 30 s;
/// per tenant 50 per second. Staying under them is cheaper than being answered 429. Calls wait
/// their turn in order; an overfull queue fails the call as transient so the outbox retries it later.
/// </summary>
public sealed class ConnectorRateLimits : IAsyncDisposable
{
    // Bounds how long a burst (e.g. an outage notice to everyone) can stall in memory.
    private const int QueueLimit = 2_000;

    private readonly PartitionedRateLimiter<Key> _limiter;

    public ConnectorRateLimits()
    {
        _limiter = PartitionedRateLimiter.CreateChained(
            PerConversation(7, TimeSpan.FromSeconds(1), 10),
            PerConversation(8, TimeSpan.FromSeconds(2), 10),
            PerConversation(60, TimeSpan.FromSeconds(30), 30),
            PartitionedRateLimiter.Create<Key, string>(key =>
                RateLimitPartition.GetSlidingWindowLimiter(key.Tenant, _ => Window(50, TimeSpan.FromSeconds(1), 10))));
    }

    /// <param name="conversation">A conversation id, or for creating a conversation the person it is with.</param>
    public ValueTask<RateLimitLease> AcquireAsync(string conversation, string? tenant, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(new Key(conversation, tenant ?? ""), 1, cancellationToken);

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    private static PartitionedRateLimiter<Key> PerConversation(int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<Key, string>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key.Conversation, _ => Window(permits, window, segments)));

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window, int segments) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    private readonly record struct Key(string Conversation, string Tenant);
}
