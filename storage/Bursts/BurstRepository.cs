using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Bursts;

internal sealed class BurstRepository(ServiceDeskContext db) : IBurstRepository
{
    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(s => s.IsOpen()).ToArray();

    public void Add(Burst burst) => db.Bursts.Add(burst);

    public Task<Burst?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Bursts.FirstOrDefaultAsync(x => x.Id == id, ct);

    public async Task<IReadOnlyList<Burst>> RecentAsync(string serviceKey, DateTimeOffset since, CancellationToken ct = default) =>
        await db.Bursts
            .Where(x => x.ServiceKey == serviceKey && (x.State == BurstState.Declared || x.LastTicketAt >= since))
            .OrderByDescending(x => x.LastTicketAt)
            .ToListAsync(ct);

    // On the (service_key, created_at) index of tickets: a window of one service, however large the table.
    public async Task<IReadOnlyList<BurstTicket>> CandidatesAsync(string serviceKey, DateTimeOffset since, CancellationToken ct = default) =>
        await Project(db.Tickets.AsNoTracking()
                .Where(t => t.ServiceKey == serviceKey && t.CreatedAt >= since && t.Kind == TicketKind.Incident
                    && !t.IsMajor && t.MajorIncidentId == null && OpenStatuses.Contains(t.Status)))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<BurstTicket>> TicketsAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var list = ids.ToList();
        var found = await Project(db.Tickets.AsNoTracking().Where(t => list.Contains(t.Id))).ToListAsync(ct);
        var byId = found.ToDictionary(t => t.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private static IQueryable<BurstTicket> Project(IQueryable<Ticket> tickets) =>
        tickets.Select(t => new BurstTicket(t.Id, new TicketNumber(t.Kind, t.Sequence), t.Title, t.Description, t.ServiceKey, t.CategoryKey,
            t.Requester.DisplayName, t.Priority, t.Status, t.CreatedAt));
}
