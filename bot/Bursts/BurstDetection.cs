using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Domain;

namespace ServiceDesk.Bot.Bursts;

/// <summary>One burst check at a time in this process: two tickets of one burst arriving together must not both offer it.</summary>
internal sealed class BurstGate
{
    public SemaphoreSlim Lock { get; } = new(1, 1);
}

/// <summary>
/// Hears about every saved ticket change and checks registrations for bursts, after the registration
/// committed (the turn does not wait for it). Another instance may be checking the same burst at once:
/// a stale burst version or a second offer of the same burst (the unique seed ticket) is refused by the
/// database, and the check runs again on what the other writer left. A check lost to a crash is made
/// good by the next ticket of the service, which reads the whole window again.
/// </summary>
internal sealed partial class BurstDetection(IServiceScopeFactory scopes, BurstGate gate, IOptions<BurstOptions> options, ILogger<BurstDetection> log)
    : ITicketChangeObserver
{
    private const int Attempts = 4;

    public async Task SavedAsync(TicketSaved change, CancellationToken ct)
    {
        if (!change.Registered || !options.Value.Enabled) return;
        await gate.Lock.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<BurstWatch>().TicketRegisteredAsync(change.TicketId, ct);
                    return;
                }
                catch (Exception e) when (e is ConcurrencyConflictException or DbUpdateException && attempt < Attempts)
                {
                    LogRetry(change.TicketId, e.GetType().Name, attempt);
                    await Task.Delay(Random.Shared.Next(10, 50 * attempt), ct);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The ticket is registered regardless; the other observers still hear about it.
            LogFailed(change.TicketId, e.GetType().Name, e.Message);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Burst check for ticket {TicketId} met another writer ({Type}, attempt {Attempt}); checking again")]
    private partial void LogRetry(Guid ticketId, string type, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Burst check for ticket {TicketId} failed ({Type}: {Reason}); the next ticket of the service checks the window again")]
    private partial void LogFailed(Guid ticketId, string type, string reason);
}
