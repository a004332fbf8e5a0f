using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Tickets;

internal sealed class TicketRepository(ServiceDeskContext db) : ITicketRepository
{
    private static readonly TicketStatus[] OpenStatuses =
        Enum.GetValues<TicketStatus>().Where(s => s.IsOpen()).ToArray();

    public void Add(Ticket ticket) => db.Tickets.Add(ticket);

    public async Task AddNumberedAsync(Ticket ticket, CancellationToken ct = default)
    {
        db.Tickets.Add(ticket);
        await db.AllocateNumberNowAsync(ticket, ct);
    }

    public Task<Ticket?> FindAsync(Guid id, CancellationToken ct = default) =>
        WithEvents().FirstOrDefaultAsync(t => t.Id == id, ct);

    public Task<Ticket?> FindByNumberAsync(TicketNumber number, CancellationToken ct = default) =>
        WithEvents().FirstOrDefaultAsync(t => t.Kind == number.Kind && t.Sequence == number.Sequence, ct);

    public async Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken ct = default)
    {
        var q = WithEvents();
        if (query.RequesterKey is { } requester) q = q.Where(t => t.Requester.Key == requester);
        if (query.Status is { } status) q = q.Where(t => t.Status == status);
        if (query.Group is { } group) q = q.Where(t => t.Group == group);
        if (query.OpenOnly) q = q.Where(t => OpenStatuses.Contains(t.Status));
        if (query.CreatedFrom is { } from) q = q.Where(t => t.CreatedAt >= from);
        if (query.CreatedTo is { } to) q = q.Where(t => t.CreatedAt < to);
        // Newest first, then a total order so pages never overlap.
        return await q.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Kind).ThenByDescending(t => t.Sequence)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Max(0, query.Take))
            .AsSplitQuery().ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Ticket>> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        // A superset is fine (the KPI code replays the events): any event in [from, to), or open
        // at `to` judged by the columns (open now, or resolved/closed only at or after `to`).
        return await WithEvents()
            .Where(t => t.Events.Any(e => e.At >= from && e.At < to)
                || (t.CreatedAt < to
                    && (OpenStatuses.Contains(t.Status)
                        || (t.ResolvedAt != null && t.ResolvedAt >= to)
                        || (t.ClosedAt != null && t.ClosedAt >= to))))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Kind).ThenBy(t => t.Sequence)
            .AsSplitQuery().ToListAsync(ct);
    }

    // An aggregate is only ever loaded whole, with its log in order.
    private IQueryable<Ticket> WithEvents() => db.Tickets.Include(t => t.Events.OrderBy(e => e.Sequence));
}
