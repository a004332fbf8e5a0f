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
/// by this process's commits, and polls for the rest.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxWakeUp wakeUp,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();

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

        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var free = settings.MaxConcurrentSends - _inFlight.Count;
                var claimed = free > 0 ? await ClaimAsync(free, stoppingToken) : 0;
                if (claimed > 0 && claimed == free) continue; // there may be more
                wait = await UntilNextDueAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database is away (restarting, network): keep polling, sends resume when it is back.
                LogClaimFailed(e.GetType().Name, e.Message);
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

    private async Task<int> ClaimAsync(int max, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<IOutboxQueue>();
        var claim = await queue.ClaimAsync(time.GetUtcNow(), options.Value.LeaseDuration, max, ct);
        foreach (var id in claim.MessageIds)
        {
            var task = Task.Run(() => SendAsync(id, claim.Token, ct), CancellationToken.None);
            _inFlight[id] = task;
            _ = task.ContinueWith(_ =>
            {
                _inFlight.TryRemove(id, out var _);
                wakeUp.MessagesEnqueued(); // the conversation's next message may go now
            }, TaskScheduler.Default);
        }
        return claim.MessageIds.Count;
    }

    private async Task<TimeSpan> UntilNextDueAsync(TimeSpan poll, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var next = await scope.ServiceProvider.GetRequiredService<IOutboxQueue>().NextDueAsync(ct);
        // Something due now but not claimable waits on a send in flight (which wakes us) or another instance's lease.
        return next - time.GetUtcNow() is { } until && until > TimeSpan.Zero && until < poll ? until : poll;
    }

    private async Task SendAsync(Guid id, Guid claim, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var queue = services.GetRequiredService<IOutboxQueue>();
            var message = await queue.FindClaimedAsync(id, claim, stoppingToken);
            if (message is null) return; // the lease lapsed and another dispatcher has it

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

            queue.Release(message);
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            if (stopped) return;
            if (message.State == OutboxState.Sent) LogSent(message.Id, message.Operation, message.Destination);
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
                LogRetry(message.Id, message.Attempts, delay, failure.Message);
                break;
            default:
                message.MarkFailed(failure.Message);
                LogDeadLetter(message.Id, message.Destination, message.Attempts, failure.Message);
                break;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: another dispatcher recorded its outcome first")]
    private partial void LogLostClaim(Guid id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of outbox message {Id} could not be recorded ({Type}: {Reason}); it will be sent again when its claim lapses")]
    private partial void LogNotRecorded(Guid id, string type, string reason);
}
