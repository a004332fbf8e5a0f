namespace ServiceDesk.Domain.Roster;

public interface IRosterRepository
{
    Task<Person?> FindPersonAsync(string key, CancellationToken ct = default);

    Task<Person?> FindByAadObjectIdAsync(string aadObjectId, CancellationToken ct = default);

    Task<Person?> FindBySlackUserIdAsync(string slackUserId, CancellationToken ct = default);

    Task<IReadOnlyList<Person>> PeopleInRoleAsync(Role role, CancellationToken ct = default);

    Task<SupportGroup?> FindGroupAsync(string name, CancellationToken ct = default);

    Task<IReadOnlyList<SupportGroup>> GroupsAsync(CancellationToken ct = default);

    void Add(Person person);

    void Add(SupportGroup group);
}
