using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Kpis;

/// <summary>
/// What the KPIs need to know about one ticket, read from its event log alone (never from the
/// aggregate's current fields), so a past period can be reconstructed as it was.
/// </summary>
public sealed class TicketHistory
{
    private readonly IReadOnlyList<TicketEvent> _events;
    private readonly int _finalResolutionIndex;

    private TicketHistory(Ticket ticket, IReadOnlyList<TicketEvent> events)
    {
        Ticket = ticket;
        _events = events;
        CreatedAt = events[0].At;
        CurrentStatus = events.Last(e => e.ToStatus is not null).ToStatus!.Value;

        // Only the last resolution of a ticket that is still resolved counts: a reopened ticket
        // that is being worked again has not been resolved at all yet.
        _finalResolutionIndex = CurrentStatus is TicketStatus.Resolved or TicketStatus.Closed
            ? LastIndexOf(TicketEventType.Resolved)
            : -1;
        var closedIndex = LastIndexOf(TicketEventType.Closed);
        ClosedAt = closedIndex >= 0 ? events[closedIndex].At : null;
        FirstEscalation = events.FirstOrDefault(e => e.Type == TicketEventType.Escalated);
        NeverLeftFirstLevel = events.All(e => e.ToLevel is null or SupportLevel.L1);
    }

    public Ticket Ticket { get; }
    public DateTimeOffset CreatedAt { get; }
    public TicketStatus CurrentStatus { get; }
    public DateTimeOffset? FinalResolutionAt => _finalResolutionIndex >= 0 ? _events[_finalResolutionIndex].At : null;
    public DateTimeOffset? ClosedAt { get; }
    public TicketEvent? FirstEscalation { get; }

    /// <summary>Opened at L1 and never escalated (a ticket opened straight at L2 never was at L1).</summary>
    public bool NeverLeftFirstLevel { get; }

    public SupportLevel? LevelAtFinalResolution =>
        _finalResolutionIndex >= 0 ? LevelAfter(_finalResolutionIndex) : null;

    public static TicketHistory Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var events = ticket.Events;
        if (events.Count == 0 || events[0].Type != TicketEventType.Created || events[0].ToLevel is null)
            throw new ArgumentException($"Ticket {ticket.Id} has no Created event; its KPIs cannot be read from its log.", nameof(ticket));
        return new TicketHistory(ticket, events);
    }

    /// <summary>
    /// Status after every event earlier than <paramref name="instant"/>: an event at exactly the
    /// end of a [start, end) period belongs to the next period. Null before the ticket existed.
    /// </summary>
    public TicketStatus? StatusBefore(DateTimeOffset instant)
    {
        var index = LastIndexBefore(instant, e => e.ToStatus is not null);
        return index >= 0 ? _events[index].ToStatus : null;
    }

    public SupportLevel? LevelBefore(DateTimeOffset instant)
    {
        var index = LastIndexBefore(instant, e => e.ToLevel is not null);
        return index >= 0 ? _events[index].ToLevel : null;
    }

    /// <summary>
    /// Elapsed time in Assigned or InProgress up to the final resolution. Pending, the queue after
    /// an escalation (New) and the time between a resolution and its reopen (Resolved) are not
    /// owned work. Null when the ticket is not finally resolved.
    /// </summary>
    public TimeSpan? HandleTime
    {
        get
        {
            if (_finalResolutionIndex < 0) return null;
            var owned = TimeSpan.Zero;
            var status = TicketStatus.New;
            var since = CreatedAt;
            for (var i = 0; i <= _finalResolutionIndex; i++)
            {
                if (_events[i].ToStatus is not { } next) continue;
                if (status is TicketStatus.Assigned or TicketStatus.InProgress)
                    owned += _events[i].At - since;
                status = next;
                since = _events[i].At;
            }
            return owned;
        }
    }

    private SupportLevel LevelAfter(int index)
    {
        for (var i = index; i >= 0; i--)
            if (_events[i].ToLevel is { } level) return level;
        throw new InvalidOperationException("The Created event carries the level."); // guarded in Of
    }

    private int LastIndexOf(TicketEventType type)
    {
        for (var i = _events.Count - 1; i >= 0; i--)
            if (_events[i].Type == type) return i;
        return -1;
    }

    private int LastIndexBefore(DateTimeOffset instant, Func<TicketEvent, bool> matches)
    {
        // The log is ordered by time (the aggregate clamps clock skew), so the first event at or
        // after the instant ends the search.
        var found = -1;
        for (var i = 0; i < _events.Count && _events[i].At < instant; i++)
            if (matches(_events[i])) found = i;
        return found;
    }
}
