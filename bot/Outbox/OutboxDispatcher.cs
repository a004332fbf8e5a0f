using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Storage.Outbox;

namespace ServiceDesk.Bot.Outbox;

/// <summary>
/// Sends what the bot said. Claims due messages (one per conversation at a time, so each
/// conversation's messages go out in order; a lease so that with several instances one sends each),
/// hands each to the sender of its channel, and records the outcome: sent; retried later with backoff
/// or after the channel's Retry-After; unreachable (the conversation is marked too, never retried); or
/// failed for good after <see cref="OutboxOptions.MaxAttempts"/> (dead letter, logged). Woken at once
/// by this process's commits, which also say what they enqueued: those messages are claimed by id, the
/// head of each conversation as soon as the one before it is sent, without reading the rest of the
/// queue; a conversation's backlog the cheap claim does not know is sent back to back all the same
/// (its next message claimed by destination). The whole queue is looked at (and the messages the cheap claim could not take are found)
/// at start, at the poll interval, when a retry is due and whenever the cheap claim was refused.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxWakeUp wakeUp,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // One sender per destination with a send under way (one message at a time per conversation).
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    // What this process committed and this dispatcher has not claimed yet, per destination, in order.
    private readonly Dictionary<string, Queue<OutboxMessage>> _known = new(StringComparer.Ordinal);
    private readonly Lock _knownLock = new();
    // Messages taken from _known and not finished yet: still counted in the wake-up's backlog.
    private readonly ConcurrentDictionary<Guid, byte> _counted = new();
    // The general claim (a look at the whole queue) is due: at start, after one that found work, and
    // when a message could not be claimed the cheap way; and at the poll interval regardless.
    private volatile bool _lookAgain = true;
    // Destinations that may have pending messages _known does not hold (another instance's, or this process's
    // dropped from _known): after a send their next is claimed from the table. Others skip that write.
    private readonly ConcurrentDictionary<string, byte> _unknownBacklog = new(StringComparer.Ordinal);
    private long _earliestRetryTicks = long.MaxValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            LogDisabled();
            return;
        }
        // Let the host finish starting (and the database migrate) before the first query.
        await Task.Yield();
        wakeUp.Listening = true;

        var nextLook = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                lock (_knownLock) wakeUp.TakeCommitted(_known);
                var free = settings.MaxConcurrentSends - _inFlight.Count;
                if (free > 0) free -= await ClaimKnownAsync(free, stoppingToken);

                var now = time.GetUtcNow();
                if (now.UtcTicks >= Interlocked.Read(ref _earliestRetryTicks))
                {
                    Interlocked.Exchange(ref _earliestRetryTicks, long.MaxValue);
                    _lookAgain = true;
                }
                var looked = false;
                var found = 0;
                if (free > 0 && (_lookAgain || now >= nextLook))
                {
                    _lookAgain = false;
                    looked = true;
                    nextLook = now + settings.PollInterval;
                    (found, var theirs) = await ClaimAsync(free, stoppingToken);
                    // Messages this process did not commit (another instance's, ones left to this claim) may have
                    // more behind them once they are sent; this process's own the cheap claim will take.
                    if (theirs > 0) _lookAgain = true;
                    if (found == free) continue;
                }
                // Sends under way wake the dispatcher when they end; the next due message matters when nothing moves.
                bool nothingKnown;
                lock (_knownLock) nothingKnown = _known.Count == 0;
                wait = looked && found == 0 && _inFlight.IsEmpty && nothingKnown
                    ? await UntilNextDueAsync(settings.PollInterval, stoppingToken)
                    : Until(nextLook, now, settings.PollInterval);
                var retry = Interlocked.Read(ref _earliestRetryTicks);
                if (retry != long.MaxValue) wait = TimeSpan.FromTicks(Math.Clamp(retry - now.UtcTicks, 0, wait.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database is away (restarting, network): keep polling, sends resume when it is back.
                LogClaimFailed(e.GetType().Name, e.Message);
                _lookAgain = true;
                wait = settings.PollInterval;
            }
            try
            {
                await wakeUp.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        // Sends in flight see the cancellation and give their claim back; wait so their outcome is recorded.
        await Task.WhenAll(_inFlight.Values);
    }

    private static TimeSpan Until(DateTimeOffset at, DateTimeOffset now, TimeSpan most) =>
        at - now is var until && until > TimeSpan.Zero ? (until < most ? until : most) : TimeSpan.Zero;

    /// <summary>
    /// Claims, by id, the first message this process committed for each destination with no send under
    /// way. One that cannot be claimed so (an older message of its conversation waits, another instance
    /// took it) is left to the general claim, and so are the later ones of its destination.
    /// </summary>
    private async Task<int> ClaimKnownAsync(int max, CancellationToken ct)
    {
        var heads = new List<OutboxMessage>();
        lock (_knownLock)
            foreach (var (destination, queue) in _known)
            {
                if (heads.Count == max) break;
                if (!_inFlight.ContainsKey(destination)) heads.Add(queue.Peek());
            }
        if (heads.Count == 0) return 0;

        OutboxClaimedMessages claim;
        await using (var scope = scopes.CreateAsyncScope())
            claim = await scope.ServiceProvider.GetRequiredService<IOutboxQueue>().ClaimKnownAsync(heads, time.GetUtcNow(), options.Value.LeaseDuration, ct);
        var claimed = claim.Messages.Select(m => m.Id).ToHashSet();
        foreach (var head in heads)
        {
            if (claimed.Contains(head.Id)) TakeKnown(head);
            else LeaveToGeneralClaim(head.Destination);
        }
        Start(claim, ct);
        return claim.Messages.Count;
    }

    /// <returns>How many messages were claimed, and how many of them this process had not been told about.</returns>
    private async Task<(int Claimed, int Theirs)> ClaimAsync(int max, CancellationToken ct)
    {
        OutboxClaimedMessages claim;
        await using (var scope = scopes.CreateAsyncScope())
            claim = await scope.ServiceProvider.GetRequiredService<IOutboxQueue>().ClaimMessagesAsync(time.GetUtcNow(), options.Value.LeaseDuration, max, ct);
        // What was committed while the claim ran is known first: a message claimed here must leave its queue,
        // or the cheap claim would try it again, fail, and leave its whole conversation to this claim.
        lock (_knownLock) wakeUp.TakeCommitted(_known);
        var theirs = 0;
        foreach (var message in claim.Messages)
        {
            if (TakeKnown(message)) continue;
            theirs++;
            _unknownBacklog[message.Destination] = 0;
        }
        Start(claim, ct);
        return (claim.Messages.Count, theirs);
    }

    /// <summary>A claimed message leaves its destination's known queue (wherever it is in it), still counted until sent.</summary>
    private bool TakeKnown(OutboxMessage message)
    {
        lock (_knownLock)
        {
            if (!_known.TryGetValue(message.Destination, out var queue)) return false;
            if (queue.Peek().Id == message.Id) queue.Dequeue();
            else
            {
                // Claimed from the table ahead of its place here (commits signalled out of their order): taken out
                // of the middle, or the cheap claim would try it again once sent, fail, and drop the rest.
                var rest = queue.Where(m => m.Id != message.Id).ToList();
                if (rest.Count == queue.Count) return false;
                queue.Clear();
                foreach (var m in rest) queue.Enqueue(m);
            }
            if (queue.Count == 0) _known.Remove(message.Destination);
            _counted[message.Id] = 0;
            return true;
        }
    }

    /// <summary>The destination's known messages are left to the general claim, which keeps their order among the others.</summary>
    private void LeaveToGeneralClaim(string destination)
    {
        int dropped;
        lock (_knownLock)
        {
            _unknownBacklog[destination] = 0;
            if (!_known.Remove(destination, out var queue)) return;
            dropped = queue.Count;
        }
        wakeUp.Sent(dropped);
        _lookAgain = true;
    }

    private void Start(OutboxClaimedMessages claim, CancellationToken ct)
    {
        foreach (var message in claim.Messages)
        {
            var destination = message.Destination;
            var task = Task.Run(() => SendInTurnAsync(message, claim, ct), CancellationToken.None);
            _inFlight[destination] = task;
            _ = task.ContinueWith(done =>
            {
                _inFlight.TryRemove(new KeyValuePair<string, Task>(destination, done));
                wakeUp.MessagesEnqueued(); // the conversation's next message may go now
            }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Sends a destination's messages one after the other: once one is sent and recorded, the conversation's
    /// next message is claimed right here (by id when this process committed it, else the destination's head
    /// from the table), without a round through the loop. Anything else (a failure, nothing claimable) ends
    /// the run and the loop takes over.
    /// </summary>
    private async Task SendInTurnAsync(OutboxMessage message, OutboxClaimedMessages claim, CancellationToken ct)
    {
        // One unit of work carries a run of sends (each message's outcome saved on its own), renewed now and then.
        var scope = scopes.CreateAsyncScope();
        try
        {
            for (var sent = 1; ; sent++)
            {
                var next = await SendAsync(scope.ServiceProvider, message, claim, ct);
                if (_counted.TryRemove(message.Id, out _)) wakeUp.Sent(1);
                if (next is null) return;
                (message, claim) = next.Value;
                if (sent % SendsPerUnitOfWork != 0) continue;
                await scope.DisposeAsync();
                scope = scopes.CreateAsyncScope();
            }
        }
        finally
        {
            await scope.DisposeAsync();
        }
    }

    private const int SendsPerUnitOfWork = 64;

    private async Task<TimeSpan> UntilNextDueAsync(TimeSpan poll, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var next = await scope.ServiceProvider.GetRequiredService<IOutboxQueue>().NextDueAsync(ct);
        // Something due now but not claimable waits on a send in flight (which wakes us) or another instance's lease.
        return next - time.GetUtcNow() is { } until && until > TimeSpan.Zero && until < poll ? until : poll;
    }

    /// <returns>The conversation's next message, claimed, when this one was sent and the next is known and claimable.</returns>
    /// <param name="services">The unit of work of the run: a failure here ends the run (and so the unit of work).</param>
    private async Task<(OutboxMessage, OutboxClaimedMessages)?> SendAsync(IServiceProvider services, OutboxMessage claimed, OutboxClaimedMessages claim,
        CancellationToken stoppingToken)
    {
        var id = claimed.Id;
        try
        {
            var queue = services.GetRequiredService<IOutboxQueue>();
            // Read with the claim a moment ago: if the lease lapsed meanwhile (minutes) and another dispatcher
            // recorded a result, this one's result is refused when saved (the attempts count is its version).
            var message = queue.TrackClaimed(claimed, claim);

            var stopped = false;
            try
            {
                var sentId = await ChannelFor(services, message).DeliverAsync(message, stoppingToken);
                message.MarkSent(sentId, time.GetUtcNow());
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                stopped = true; // shutting down: give the claim back, the next start sends it
            }
            catch (DeliveryFailedException failure)
            {
                await RecordFailureAsync(services, message, failure);
            }
            catch (Exception e)
            {
                LogUnexpected(message.Id, e);
                await RecordFailureAsync(services, message, new DeliveryFailedException(DeliveryFailure.Transient, e.GetType().Name + ": " + e.Message, inner: e));
            }

            if (!stopped && message.State != OutboxState.Pending) await TellObserversAsync(services, message);
            queue.Release(message);
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            if (stopped || message.State != OutboxState.Sent) return null;
            LogSent(message.Id, message.Operation, message.Destination);
            queue.ForgetSaved(); // the run's next send reads its message's conversation afresh
            return await ClaimNextAsync(queue, message.Destination, stoppingToken);
        }
        catch (ConcurrencyConflictException)
        {
            LogLostClaim(id);
        }
        catch (Exception e)
        {
            // Not recorded (the database is away): the lease lapses and the message is sent again later.
            LogNotRecorded(id, e.GetType().Name, e.Message);
        }
        return null;
    }

    private async Task<(OutboxMessage, OutboxClaimedMessages)?> ClaimNextAsync(IOutboxQueue queue, string destination, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return null;
        OutboxMessage? next = null;
        lock (_knownLock)
        {
            wakeUp.TakeCommitted(_known);
            if (_known.TryGetValue(destination, out var known)) next = known.Peek();
        }
        if (next is not null)
        {
            var claim = await queue.ClaimKnownAsync([next], time.GetUtcNow(), options.Value.LeaseDuration, ct);
            if (claim.Messages.Count == 1 && claim.Messages[0].Id == next.Id)
            {
                TakeKnown(next);
                return (next, claim);
            }
            // A provider without a targeted claim may have claimed others (heads of other conversations): send them too.
            Start(claim, ct);
        }
        // The conversation's head from the table (one this process was not told about, or committed out of its
        // order here): the run goes on back to back instead of one message per look at the whole queue. The
        // mark is taken off first, so one set meanwhile stays.
        if (next is null && !_unknownBacklog.TryRemove(destination, out _)) return null;
        var head = await queue.ClaimNextOfAsync(destination, time.GetUtcNow(), options.Value.LeaseDuration, ct);
        if (head.Messages is [var message])
        {
            _unknownBacklog[destination] = 0;
            TakeKnown(message);
            return (message, head);
        }
        if (next is not null) LeaveToGeneralClaim(destination);
        return null;
    }

    private async Task TellObserversAsync(IServiceProvider services, OutboxMessage message)
    {
        foreach (var observer in services.GetServices<IOutboxOutcomeObserver>())
        {
            try
            {
                await observer.OnOutcomeAsync(message, services, CancellationToken.None);
            }
            catch (Exception e)
            {
                // The outcome must be saved whatever an observer thinks of it, or the message would be sent again.
                LogObserverFailed(message.Id, observer.GetType().Name, e);
            }
        }
    }

    private static IOutboundChannel ChannelFor(IServiceProvider services, OutboxMessage message)
    {
        string channelId;
        try
        {
            channelId = ConversationReference.ChannelIdOf(message.Destination);
        }
        catch (DomainException e)
        {
            throw new DeliveryFailedException(DeliveryFailure.Permanent, e.Message);
        }
        return services.GetKeyedService<IOutboundChannel>(channelId)
            ?? throw new DeliveryFailedException(DeliveryFailure.Permanent, $"No sender is registered for channel '{channelId}'.");
    }

    private async Task RecordFailureAsync(IServiceProvider services, OutboxMessage message, DeliveryFailedException failure)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        switch (failure.Failure)
        {
            case DeliveryFailure.Unreachable:
                message.MarkUnreachable(failure.Message);
                await services.GetRequiredService<IConversationReferenceRepository>()
                    .MarkUnreachableAsync(message.Destination, failure.ErrorCode ?? failure.Message, now);
                LogUnreachable(message.Id, message.Destination, failure.ErrorCode);
                break;
            case DeliveryFailure.Transient when message.Attempts + 1 < settings.MaxAttempts:
                var delay = failure.RetryAfter ?? Backoff(message.Attempts, settings);
                message.ScheduleRetry(failure.Message, now + delay);
                RetryAt(now + delay);
                LogRetry(message.Id, message.Attempts, delay, failure.Message);
                break;
            default:
                message.MarkFailed(failure.Message);
                LogDeadLetter(message.Id, message.Destination, message.Attempts, failure.Message);
                break;
        }
    }

    // The loop looks at the whole queue again when the earliest retry is due.
    private void RetryAt(DateTimeOffset due)
    {
        var ticks = due.UtcTicks;
        for (var current = Interlocked.Read(ref _earliestRetryTicks); ticks < current; current = Interlocked.Read(ref _earliestRetryTicks))
            if (Interlocked.CompareExchange(ref _earliestRetryTicks, ticks, current) == current) break;
    }

    /// <summary>Base × 2^(attempts so far), capped, ±20 % so that messages failed together do not retry together.</summary>
    internal static TimeSpan Backoff(int attemptsSoFar, OutboxOptions settings)
    {
        var exponential = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptsSoFar, 30));
        var capped = Math.Min(exponential, settings.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox:DispatcherEnabled is false: this instance sends nothing; another instance must")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim outbox messages ({Type}: {Reason}); trying again")]
    private partial void LogClaimFailed(string type, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {Id} ({Operation}) delivered to {Destination}")]
    private partial void LogSent(Guid id, OutboxOperation operation, string destination);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} failed (attempt {Attempts}); retrying in {Delay}: {Reason}")]
    private partial void LogRetry(Guid id, int attempts, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} to {Destination} is undeliverable: the recipient cannot be reached ({Code})")]
    private partial void LogUnreachable(Guid id, string destination, string? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} to {Destination} given up after {Attempts} attempt(s): {Reason}")]
    private partial void LogDeadLetter(Guid id, string destination, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox message {Id} failed unexpectedly")]
    private partial void LogUnexpected(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id}: observer {Observer} failed on its outcome")]
    private partial void LogObserverFailed(Guid id, string observer, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: another dispatcher recorded its outcome first")]
    private partial void LogLostClaim(Guid id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of outbox message {Id} could not be recorded ({Type}: {Reason}); it will be sent again when its claim lapses")]
    private partial void LogNotRecorded(Guid id, string type, string reason);
}
