namespace ServiceDesk.Domain.Tickets;

/// <summary>Who did something: a roster key (or channel user id) and the name people see.</summary>
public sealed record PersonRef(string Key, string DisplayName)
{
    public static readonly PersonRef System = new("system", "ServiceDesk");
}

public sealed record Requester(string Key, string DisplayName, string Locale, string? Department = null, string? Email = null)
{
    public PersonRef AsPerson() => new(Key, DisplayName);
}
