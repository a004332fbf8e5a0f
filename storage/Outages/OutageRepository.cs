using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Storage.Outages;

internal sealed class OutageRepository(ServiceDeskContext db) : IOutageRepository
{
    public void Add(Outage outage) => db.Outages.Add(outage);

    public Task<Outage?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Outages.FirstOrDefaultAsync(o => o.Id == id, ct);

    public async Task<IReadOnlyList<Outage>> OpenAsync(CancellationToken ct = default) =>
        (await db.Outages.Where(o => o.Status != OutageStatus.Ended).ToListAsync(ct)).OrderByDescending(o => o.DeclaredAt).ToList();

    public void AddRecipients(IEnumerable<OutageRecipient> recipients) => db.OutageRecipients.AddRange(recipients);

    public async Task<OutageRecipient?> FindRecipientAsync(Guid outageId, string referenceKey, CancellationToken ct = default) =>
        await db.OutageRecipients.FindAsync([outageId, referenceKey], ct);

    public async Task<IReadOnlyList<OutageRecipient>> RecipientsAsync(Guid outageId, CancellationToken ct = default) =>
        await db.OutageRecipients.Where(r => r.OutageId == outageId).OrderBy(r => r.ReferenceKey).ToListAsync(ct);

    public async Task<OutageProgress> ProgressAsync(Guid outageId, CancellationToken ct = default)
    {
        var counts = await db.OutageRecipients.AsNoTracking().Where(r => r.OutageId == outageId)
            .GroupBy(r => r.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutageDeliveryState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
        return new OutageProgress(counts.Sum(c => c.Count), Of(OutageDeliveryState.Pending), Of(OutageDeliveryState.Sent),
            Of(OutageDeliveryState.Failed), Of(OutageDeliveryState.Unreachable));
    }
}
