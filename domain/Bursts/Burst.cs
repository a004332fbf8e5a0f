using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Bursts;

public enum BurstState
{
    /// <summary>The coordinators have the card and have not decided; more similar tickets join it.</summary>
    Offered,
    /// <summary>Declared a major incident: similar tickets arriving while it is open are linked to it.</summary>
    Declared,
    /// <summary>"Not related": similar tickets within the window join it quietly, so the same burst is not offered again.</summary>
    Dismissed,
    /// <summary>Its major incident was resolved or closed: later tickets start afresh.</summary>
    Ended,
}

/// <summary>
/// Similar incidents about one service that arrived close together, offered once to the coordinators
/// as a possible major incident. The record is what keeps the offer single: a later ticket of the same
/// burst joins it (and its card is edited) instead of opening a second offer, also after a restart.
/// </summary>
public sealed class Burst
{
    private readonly List<Guid> _tickets = [];
    private readonly List<string> _shownIn = [];

    private Burst() { }

    public Guid Id { get; private set; }
    public string ServiceKey { get; private set; } = "";
    public string? CategoryKey { get; private set; }
    public BurstState State { get; private set; }
    /// <summary>The earliest ticket of the burst when it was offered; one ticket seeds at most one burst (a unique index), so two writers cannot offer the same burst twice.</summary>
    public Guid SeedTicketId { get; private set; }
    /// <summary>Every ticket of the burst in the order they joined (the ones linked after the declaration too).</summary>
    public IReadOnlyList<Guid> Tickets => _tickets;
    public DateTimeOffset FirstTicketAt { get; private set; }
    public DateTimeOffset LastTicketAt { get; private set; }
    public DateTimeOffset OfferedAt { get; private set; }
    /// <summary>The ticket the card proposes as the major incident (highest priority, then earliest).</summary>
    public Guid SuggestedMajorId { get; private set; }
    public Guid? MajorIncidentId { get; private set; }
    public string? DecidedByKey { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>What the coordinator told the affected people when declaring; null when they kept the card's proposal (each reader gets it in their language).</summary>
    public string? Message { get; private set; }
    /// <summary>Requesters told that their ticket is part of the major incident (at the declaration and later).</summary>
    public int Notified { get; private set; }
    /// <summary>Tickets linked to the major incident after the declaration.</summary>
    public int LinkedLater { get; private set; }
    /// <summary>The conversations the card was posted in (the coordinators' chats): the ones its updates go to.</summary>
    public IReadOnlyList<string> ShownIn => _shownIn;
    public int Version { get; private set; }

    public bool Contains(Guid ticketId) => _tickets.Contains(ticketId);

    /// <param name="tickets">The burst's tickets, earliest first.</param>
    public static Burst Offer(Guid id, string serviceKey, string? categoryKey, IReadOnlyList<BurstTicket> tickets, Guid suggestedMajorId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(serviceKey)) throw new DomainException("burst.service", "A burst is about one service.");
        if (tickets.Count < 2) throw new DomainException("burst.size", "A burst needs at least two tickets.");
        if (tickets.Select(t => t.Id).Distinct().Count() != tickets.Count) throw new DomainException("burst.duplicate", "A ticket is in the burst twice.");
        if (!tickets.Any(t => t.Id == suggestedMajorId)) throw new DomainException("burst.suggestion", "The suggested major incident must be one of the burst's tickets.");
        var ordered = tickets.OrderBy(t => t.CreatedAt).ToList();
        var burst = new Burst
        {
            Id = id,
            ServiceKey = serviceKey,
            CategoryKey = categoryKey,
            State = BurstState.Offered,
            SeedTicketId = ordered[0].Id,
            FirstTicketAt = ordered[0].CreatedAt,
            LastTicketAt = ordered[^1].CreatedAt,
            OfferedAt = now,
            SuggestedMajorId = suggestedMajorId,
            Version = 1,
        };
        burst._tickets.AddRange(ordered.Select(t => t.Id));
        return burst;
    }

    /// <summary>One more similar ticket before a decision, or after "not related" (it joins quietly).</summary>
    public void Grow(BurstTicket ticket)
    {
        if (State is not (BurstState.Offered or BurstState.Dismissed))
            throw new DomainException("burst.notOpenToJoin", $"A {State} burst takes no more tickets this way.");
        Join(ticket);
    }

    /// <summary>A similar ticket that arrived while the declared major incident is open, linked to it.</summary>
    /// <param name="told">Its requester was told.</param>
    public void LinkLate(BurstTicket ticket, bool told)
    {
        if (State != BurstState.Declared) throw new DomainException("burst.notDeclared", "Only a declared burst links later tickets.");
        Join(ticket);
        LinkedLater++;
        if (told) Notified++;
    }

    /// <summary>The card went to this conversation; later changes edit it there.</summary>
    public void ShowIn(string conversationKey)
    {
        if (string.IsNullOrWhiteSpace(conversationKey)) throw new ArgumentException("A conversation key is needed.", nameof(conversationKey));
        if (!_shownIn.Contains(conversationKey)) _shownIn.Add(conversationKey);
    }

    /// <param name="message">The coordinator's own words; null for the card's proposal.</param>
    /// <param name="notified">How many requesters were told.</param>
    public void Declare(Guid majorIncidentId, PersonRef by, string? message, int notified, DateTimeOffset now)
    {
        if (State != BurstState.Offered) throw new DomainException("burst.decided", $"The burst is already {State}.");
        if (!_tickets.Contains(majorIncidentId)) throw new DomainException("burst.majorNotInBurst", "The major incident must be one of the burst's tickets.");
        State = BurstState.Declared;
        MajorIncidentId = majorIncidentId;
        Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        Notified = notified;
        Decided(by, now);
    }

    public void Dismiss(PersonRef by, DateTimeOffset now)
    {
        if (State != BurstState.Offered) throw new DomainException("burst.decided", $"The burst is already {State}.");
        State = BurstState.Dismissed;
        Decided(by, now);
    }

    /// <summary>The major incident is no longer open: the burst stops collecting tickets.</summary>
    public void End()
    {
        if (State != BurstState.Declared) throw new DomainException("burst.notDeclared", "Only a declared burst ends.");
        State = BurstState.Ended;
        Version++;
    }

    private void Join(BurstTicket ticket)
    {
        if (_tickets.Contains(ticket.Id)) throw new DomainException("burst.alreadyIn", "The ticket is already in the burst.");
        _tickets.Add(ticket.Id);
        if (ticket.CreatedAt > LastTicketAt) LastTicketAt = ticket.CreatedAt;
        Version++;
    }

    private void Decided(PersonRef by, DateTimeOffset now)
    {
        DecidedByKey = by.Key;
        DecidedByName = by.DisplayName;
        DecidedAt = now;
        Version++;
    }
}
