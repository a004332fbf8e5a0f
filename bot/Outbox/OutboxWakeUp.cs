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
