using System.Collections.Concurrent;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Storage.Outbox;

namespace ServiceDesk.Bot.Outbox;

/// <summary>
/// Wakes the dispatcher when a unit of work in this process committed outbox messages (or a send
/// finished and the conversation's next message may go), so replies do not wait for the next poll.
/// Signals coalesce: one wake-up covers everything enqueued before it.
/// </summary>
internal sealed class OutboxWakeUp : IOutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly ConcurrentQueue<OutboxMessage> _committed = new();

    // Past this, committed messages are left to the dispatcher's general claim (it looks at the table anyway).
    private const int MostKnown = 100_000;

    /// <summary>Set by a running dispatcher: only then is what was committed kept for it.</summary>
    public bool Listening { get; set; }

    // Messages this process committed and its dispatcher has not sent yet (nor left to the general claim).
    private int _backlog;
    private TaskCompletionSource _room = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Backlog => Volatile.Read(ref _backlog);

    /// <summary>Hands the dispatcher what was committed, in commit order, so it can claim those messages by id.</summary>
    public void MessagesCommitted(IReadOnlyList<OutboxMessage> messages)
    {
        if (Listening && _committed.Count < MostKnown)
        {
            Interlocked.Add(ref _backlog, messages.Count);
            foreach (var message in messages) _committed.Enqueue(message);
        }
        MessagesEnqueued();
    }

    /// <summary>The dispatcher is done with <paramref name="count"/> of the messages counted in <see cref="Backlog"/>.</summary>
    public void Sent(int count)
    {
        if (count <= 0) return;
        Interlocked.Add(ref _backlog, -count);
        Interlocked.Exchange(ref _room, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// Waits while the backlog is above <paramref name="limit"/>, at most <paramref name="most"/>: a turn that
    /// would only lengthen the queue of unsent replies waits for the dispatcher to catch up first.
    /// </summary>
    public async ValueTask WaitForRoomAsync(int limit, TimeSpan most, TimeProvider time, CancellationToken ct)
    {
        if (Backlog <= limit || most <= TimeSpan.Zero) return;
        var until = time.GetUtcNow() + most;
        while (Backlog > limit)
        {
            var room = Volatile.Read(ref _room).Task;
            if (Backlog <= limit) return;
            var left = until - time.GetUtcNow();
            if (left <= TimeSpan.Zero) return;
            try
            {
                await room.WaitAsync(left, time, ct);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    /// <summary>Moves what was committed since the last call into the dispatcher's per-destination queues.</summary>
    public void TakeCommitted(Dictionary<string, Queue<OutboxMessage>> known)
    {
        while (_committed.TryDequeue(out var message))
        {
            if (!known.TryGetValue(message.Destination, out var queue)) known[message.Destination] = queue = new Queue<OutboxMessage>();
            queue.Enqueue(message);
        }
    }

    public void MessagesEnqueued()
    {
        try
        {
            if (_signal.CurrentCount == 0) _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another signal got in first; one wake-up is enough.
        }
    }

    /// <summary>True when signalled, false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
