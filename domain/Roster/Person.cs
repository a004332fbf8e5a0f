using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Roster;

[Flags]
public enum Role
{
    None = 0,
    Agent = 1,
    Specialist = 2,
    Coordinator = 4,
    Auditor = 8,
}

/// <summary>A member of the desk's roster. Employees who only report tickets are not on it.</summary>
public sealed class Person
{
    private Person() { }

    public Person(string key, string displayName, string email, Role roles, IEnumerable<string> groups,
        string? aadObjectId = null, string? slackUserId = null, string? tenantId = null, string? locale = null)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new DomainException("roster.key", "A person needs a key.");
        if (string.IsNullOrWhiteSpace(displayName)) throw new DomainException("roster.name", "A person needs a display name.");
        Key = key;
        Update(displayName, email, roles, groups, aadObjectId, slackUserId, tenantId, locale);
    }

    public string Key { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? AadObjectId { get; private set; }
    public string? SlackUserId { get; private set; }
    public string? TenantId { get; private set; }
    public string? Locale { get; private set; }
    public Role Roles { get; private set; }
    public List<string> Groups { get; private set; } = [];

    public PersonRef AsRef() => new(Key, DisplayName);

    public bool Has(Role role) => (Roles & role) == role;

    public bool IsIn(string group) => Groups.Contains(group, StringComparer.OrdinalIgnoreCase);

    public void Update(string displayName, string email, Role roles, IEnumerable<string> groups,
        string? aadObjectId, string? slackUserId, string? tenantId, string? locale)
    {
        DisplayName = displayName.Trim();
        Email = email?.Trim() ?? "";
        Roles = roles;
        Groups = groups.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        AadObjectId = aadObjectId;
        SlackUserId = slackUserId;
        TenantId = tenantId;
        Locale = locale;
    }
}
