namespace ServiceDesk.Bot.Turns;

/// <summary>
/// The in-process layer of de-duplication: recent activity ids of this process, so that concurrent
/// redeliveries wait for the first and get its answer. Across restarts and instances the router's
/// processed-activity record, committed with the turn's effects, is what keeps a second delivery
/// from having a second effect.
/// </summary>
internal sealed class InMemoryTurnDeduplicator(TimeProvider time) : ITurnDeduplicator
{
    // Channels redeliver within minutes; an hour and ten thousand ids bound the memory either way.
    internal const int Capacity = 10_000;
    internal static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string Id), Entry> _entries = [];
    private readonly Queue<((string Channel, string Id) Key, Entry Entry)> _arrivals = new();

    public async Task<DeduplicatedTurn> RunOnceAsync(string channelId, string activityId, Func<Task<TurnResult>> handle)
    {
        var key = (channelId, activityId);
        Entry entry;
        bool redelivery;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            EvictExpired(now);
            redelivery = _entries.TryGetValue(key, out var earlier);
            if (redelivery)
            {
                entry = earlier!;
            }
            else
            {
                entry = new Entry(new TaskCompletionSource<TurnResult>(TaskCreationOptions.RunContinuationsAsynchronously), now);
                _entries[key] = entry;
                _arrivals.Enqueue((key, entry));
            }
        }

        if (redelivery)
            return new DeduplicatedTurn(await entry.Completion.Task, WasRedelivery: true);

        try
        {
            var result = await handle();
            entry.Completion.SetResult(result);
            return new DeduplicatedTurn(result, WasRedelivery: false);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                    _entries.Remove(key);
            }
            entry.Completion.SetException(ex);
            _ = entry.Completion.Task.Exception; // observed: a concurrent redelivery may not be waiting
            throw;
        }
    }

    private void EvictExpired(DateTimeOffset now)
    {
        while (_arrivals.TryPeek(out var oldest)
               && (_arrivals.Count > Capacity || now - oldest.Entry.ArrivedAt > Window))
        {
            _arrivals.Dequeue();
            if (_entries.TryGetValue(oldest.Key, out var current) && ReferenceEquals(current, oldest.Entry))
                _entries.Remove(oldest.Key);
        }
    }

    private sealed record Entry(TaskCompletionSource<TurnResult> Completion, DateTimeOffset ArrivedAt);
}
