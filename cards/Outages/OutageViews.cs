using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Cards.Outages;

/// <summary>What a recipient's notice shows; the same for everyone but the language.</summary>
/// <param name="LastUpdate">The newest update (on an end: the closing word, if any).</param>
/// <param name="AffectedTicket">The reader's incident linked to the outage, after they pressed "I'm affected".</param>
public sealed record OutageNoticeView(
    Guid OutageId,
    string ServiceName,
    string Title,
    string Message,
    OutageSeverity Severity,
    OutageStatus Status,
    DateTimeOffset StartsAt,
    string? LastUpdate,
    DateTimeOffset? LastUpdateAt,
    DateTimeOffset? EndedAt,
    string? AffectedTicket = null);

/// <summary>A service the coordinator may pick on the form.</summary>
public sealed record OutageServiceChoice(string Key, string Name);

/// <summary>The coordinator's view of one outage: the notice's state and how its fan-out is going.</summary>
/// <param name="MajorIncident">The major incident's number, once there is one.</param>
public sealed record OutageProgressView(
    Guid OutageId,
    string ServiceName,
    string Title,
    OutageSeverity Severity,
    OutageStatus Status,
    OutageAudienceKind Audience,
    IReadOnlyList<string> Departments,
    DateTimeOffset StartsAt,
    OutageProgress Progress,
    int Affected,
    string? MajorIncident,
    string? LastUpdate);
