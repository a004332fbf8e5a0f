using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Sla;

namespace ServiceDesk.Storage.Sla;

/// <summary>Saves join the unit of work like every other change: nothing is written before IUnitOfWork.SaveChangesAsync.</summary>
internal sealed class SlaRepository(ServiceDeskContext db) : ISlaRepository
{
    // FindAsync also sees rows added earlier in this unit of work, so a seeder can save a
    // calendar and read it back before committing.
    public async Task<BusinessCalendar?> FindCalendarAsync(string id, CancellationToken ct = default) =>
        (await db.Set<SlaCalendarRow>().FindAsync([id], ct))?.ToDomain();

    public async Task<SlaPolicy?> FindPolicyAsync(string id, CancellationToken ct = default) =>
        (await db.Set<SlaPolicyRow>().FindAsync([id], ct))?.ToDomain();

    public async Task<IReadOnlyList<SlaPolicy>> PoliciesAsync(CancellationToken ct = default) =>
        (await db.Set<SlaPolicyRow>().OrderBy(p => p.Id).ToListAsync(ct)).Select(p => p.ToDomain()).ToList();

    public async Task SaveCalendarAsync(BusinessCalendar calendar, CancellationToken ct = default)
    {
        var row = await db.Set<SlaCalendarRow>().FindAsync([calendar.Id], ct);
        if (row is null) db.Add(SlaCalendarRow.From(calendar));
        else row.CopyFrom(calendar);
    }

    public async Task SavePolicyAsync(SlaPolicy policy, CancellationToken ct = default)
    {
        var row = await db.Set<SlaPolicyRow>().FindAsync([policy.Id], ct);
        if (row is null) db.Add(SlaPolicyRow.From(policy));
        else row.CopyFrom(policy);
    }
}
