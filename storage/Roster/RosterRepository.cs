using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Storage.Roster;

internal sealed class RosterRepository(ServiceDeskContext db) : IRosterRepository
{
    public Task<Person?> FindPersonAsync(string key, CancellationToken ct = default) =>
        db.People.FirstOrDefaultAsync(p => p.Key == key, ct);

    public Task<Person?> FindByAadObjectIdAsync(string aadObjectId, CancellationToken ct = default) =>
        db.People.FirstOrDefaultAsync(p => p.AadObjectId == aadObjectId, ct);

    public Task<Person?> FindBySlackUserIdAsync(string slackUserId, CancellationToken ct = default) =>
        db.People.FirstOrDefaultAsync(p => p.SlackUserId == slackUserId, ct);

    public async Task<IReadOnlyList<Person>> PeopleInRoleAsync(Role role, CancellationToken ct = default) =>
        await db.People.Where(p => (p.Roles & role) == role).OrderBy(p => p.Key).ToListAsync(ct);

    public Task<SupportGroup?> FindGroupAsync(string name, CancellationToken ct = default) =>
        db.SupportGroups.FirstOrDefaultAsync(g => g.Name == name, ct);

    public async Task<IReadOnlyList<SupportGroup>> GroupsAsync(CancellationToken ct = default) =>
        await db.SupportGroups.OrderBy(g => g.Name).ToListAsync(ct);

    public void Add(Person person) => db.People.Add(person);

    public void Add(SupportGroup group) => db.SupportGroups.Add(group);
}
