namespace ServiceDesk.Domain.Tickets;

public sealed record TicketQuery(
    string? RequesterKey = null,
    TicketStatus? Status = null,
    string? Group = null,
    bool OpenOnly = false,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int Skip = 0,
    int Take = 50);

public interface ITicketRepository
{
    /// <summary>Tracks a new ticket; its number is allocated when the unit of work saves.</summary>
    void Add(Ticket ticket);

    /// <summary>
    /// Tracks a new ticket and numbers it at once, inside the unit of work's transaction, so the
    /// messages saved with it can name it. The number is given back if the save fails.
    /// </summary>
    Task AddNumberedAsync(Ticket ticket, CancellationToken ct = default);

    Task<Ticket?> FindAsync(Guid id, CancellationToken ct = default);

    Task<Ticket?> FindByNumberAsync(TicketNumber number, CancellationToken ct = default);

    Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken ct = default);

    /// <summary>Tickets with activity in [from, to) or still open at <paramref name="to"/>: what the KPIs read.</summary>
    Task<IReadOnlyList<Ticket>> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
}
