using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Cards.Actions;

// Outage and security notices: the coordinator declares, updates and ends them from Teams; the people
// told press "I'm affected".

/// <param name="Departments">Comma-separated, for the audience <see cref="OutageAudienceKind.Departments"/>.</param>
/// <param name="StartsAt">Empty: now; else a local date and time in the desk's zone ("2026-11-23 10:00").</param>
public sealed record DeclareOutage(string Service, string Title, string Message, OutageSeverity Severity, OutageAudienceKind Audience,
    string? Departments = null, string? StartsAt = null) : ICardVerb
{
    public static string Verb => "declareOutage";
}

public sealed record UpdateOutage(Guid OutageId, string Text) : ICardVerb
{
    public static string Verb => "updateOutage";
}

/// <param name="Text">The closing word; may be empty.</param>
public sealed record EndOutage(Guid OutageId, string? Text = null) : ICardVerb
{
    public static string Verb => "endOutage";
}

public sealed record ImAffected(Guid OutageId) : ICardVerb
{
    public static string Verb => "imAffected";
}

/// <summary>The coordinator's progress card, as it is now (its refresh, and the "refresh" button).</summary>
public sealed record RefreshOutage(Guid OutageId) : ICardVerb
{
    public static string Verb => "refreshOutage";
}
