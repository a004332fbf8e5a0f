using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Tickets;

/// <summary>A ticket change that was saved: what the scheduler needs to hear.</summary>
/// <param name="ResolvedAt">Set when the change resolved the ticket (the survey follows).</param>
/// <param name="Reopened">The change undid a resolution (reopen, closure rejected): the survey is off.</param>
public sealed record TicketSaved(Guid TicketId, DateTimeOffset? ResolvedAt, bool Reopened)
{
    /// <summary>The change registered the ticket (burst detection looks at new tickets only).</summary>
    public bool Registered { get; init; }
}

/// <summary>Told after a turn's ticket changes were saved (the SLA watch and the surveys listen).</summary>
public interface ITicketChangeObserver
{
    Task SavedAsync(TicketSaved change, CancellationToken ct);
}

/// <summary>
/// What must wait until the turn's unit of work has committed: the SLA watch and the survey scheduler
/// read the saved ticket (and on SQLite they write to the same file). Collected during the turn, run
/// when its scope ends, and only for the changes that were saved: a turn that failed or conflicted left
/// an older version behind, and its retry asks again.
/// </summary>
public sealed partial class TicketFollowUps(IServiceScopeFactory scopes, ILogger<TicketFollowUps> log) : IAsyncDisposable
{
    private readonly Dictionary<Guid, FollowUp> _pending = [];

    private sealed record FollowUp(int Version, DateTimeOffset? ResolvedAt, bool Reopened, bool Registered = false);

    /// <summary>The ticket changed in a way that may move its SLA clocks (which is nearly every change).</summary>
    public void Changed(Ticket ticket) => Note(ticket);

    public void Resolved(Ticket ticket) => Note(ticket, resolvedAt: ticket.ResolvedAt);

    /// <summary>A new ticket: its SLA watch starts, and burst detection compares it with the service's recent ones.</summary>
    public void Registered(Ticket ticket)
    {
        Note(ticket);
        _pending[ticket.Id] = _pending[ticket.Id] with { Registered = true };
    }

    /// <summary>Reopened, or its closure rejected: the survey and the automatic closure are off.</summary>
    public void Reopened(Ticket ticket) => Note(ticket, reopened: true);

    private void Note(Ticket ticket, DateTimeOffset? resolvedAt = null, bool reopened = false)
    {
        // The latest of a resolution and a reopen wins; other changes keep what the turn did before.
        var earlier = _pending.GetValueOrDefault(ticket.Id);
        _pending[ticket.Id] = resolvedAt is not null || reopened
            ? new FollowUp(ticket.Version, resolvedAt, reopened)
            : new FollowUp(ticket.Version, earlier?.ResolvedAt, earlier?.Reopened ?? false);
        if (earlier?.Registered == true) _pending[ticket.Id] = _pending[ticket.Id] with { Registered = true };
    }

    public ValueTask DisposeAsync()
    {
        if (_pending.Count == 0) return ValueTask.CompletedTask;
        var work = _pending.ToDictionary();
        _pending.Clear();
        // Not awaited: the channel is waiting for the turn's answer, and the scheduler only needs to hear soon.
        _ = Task.Run(() => RunAsync(work));
        return ValueTask.CompletedTask;
    }

    private async Task RunAsync(Dictionary<Guid, FollowUp> work)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var observers = services.GetServices<ITicketChangeObserver>().ToList();
            if (observers.Count == 0) return;
            var tickets = services.GetRequiredService<ITicketRepository>();
            foreach (var (ticketId, followUp) in work)
            {
                var saved = await tickets.FindAsync(ticketId);
                if (saved is null || saved.Version < followUp.Version) continue;
                var change = new TicketSaved(ticketId, followUp.ResolvedAt, followUp.Reopened) { Registered = followUp.Registered };
                foreach (var observer in observers) await observer.SavedAsync(change, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // The SLA sweep finds what was missed here; nothing the person did is lost.
            LogFailed(e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the scheduler about a ticket change ({Type}: {Reason}); the periodic SLA sweep catches up")]
    private partial void LogFailed(string type, string reason);
}
