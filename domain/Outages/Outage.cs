using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Outages;

public enum OutageSeverity { Minor, Major, Security }

public enum OutageStatus { Scheduled, Active, Ended }

/// <summary>Who hears of an outage: the service's subscribers, people of some departments, or everyone who installed the bot.</summary>
public enum OutageAudienceKind { Subscribers, Departments, Everyone }

/// <summary>A text the coordinator added while the outage ran (the last one on an end is the closing word).</summary>
public sealed class OutageUpdate
{
    private OutageUpdate() { }

    public OutageUpdate(int sequence, string text, DateTimeOffset at, PersonRef by)
    {
        Sequence = sequence;
        Text = text;
        At = at;
        ByKey = by.Key;
        ByName = by.DisplayName;
    }

    public int Sequence { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string ByKey { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public PersonRef By => new(ByKey, ByName);
}

/// <summary>Someone who said "I'm affected" and the incident that records it (linked to the major incident).</summary>
public sealed record OutageAffected(string PersonKey, Guid TicketId, DateTimeOffset At);

/// <summary>
/// A service interruption or security alert told to its audience (design.md §2 "Outage notice"):
/// declared for now or later (Scheduled), published (Active: every recipient gets the notice),
/// updated any number of times and ended; each update and the end edit the notice people got.
/// The recipients and their delivery states are <see cref="OutageRecipient"/> rows, kept apart so a
/// fan-out to thousands records one outcome without loading the others.
/// </summary>
public sealed class Outage
{
    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 4000;

    private readonly List<string> _departments = [];
    private readonly List<OutageUpdate> _updates = [];
    private readonly List<OutageAffected> _affected = [];

    private Outage() { }

    public Guid Id { get; private set; }
    public string ServiceKey { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>In the coordinator's words (not translated): every recipient reads the same message.</summary>
    public string Message { get; private set; } = "";
    public OutageSeverity Severity { get; private set; }
    public OutageAudienceKind Audience { get; private set; }
    public IReadOnlyList<string> Departments => _departments;
    public DateTimeOffset StartsAt { get; private set; }
    public OutageStatus Status { get; private set; }
    public PersonRef DeclaredBy { get; private set; } = null!;
    public DateTimeOffset DeclaredAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public Guid? MajorIncidentId { get; private set; }
    public IReadOnlyList<OutageUpdate> Updates => _updates;
    public IReadOnlyList<OutageAffected> Affected => _affected;
    public int Version { get; private set; }

    public OutageUpdate? LastUpdate => _updates.Count == 0 ? null : _updates[^1];

    /// <param name="startsAt">Null: now. A start in the past is refused (a minute of slack for the clocks of the form and the server).</param>
    public static Outage Declare(Guid id, string serviceKey, string title, string message, OutageSeverity severity,
        OutageAudienceKind audience, IEnumerable<string>? departments, DateTimeOffset? startsAt, PersonRef by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(serviceKey)) throw new DomainException("outage.service", "An outage names the service it affects.");
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("outage.title", "An outage needs a title.");
        if (title.Trim().Length > MaxTitleLength) throw new DomainException("outage.titleLength", $"The title is at most {MaxTitleLength} characters.");
        if (string.IsNullOrWhiteSpace(message)) throw new DomainException("outage.message", "An outage needs a message for the people it affects.");
        if (message.Trim().Length > MaxMessageLength) throw new DomainException("outage.messageLength", $"The message is at most {MaxMessageLength} characters.");
        if (!Enum.IsDefined(severity)) throw new DomainException("outage.severity", $"Unknown severity {severity}.");
        if (!Enum.IsDefined(audience)) throw new DomainException("outage.audience", $"Unknown audience {audience}.");
        var names = (departments ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (audience == OutageAudienceKind.Departments && names.Count == 0)
            throw new DomainException("outage.departments", "An outage for departments names at least one department.");
        if (audience != OutageAudienceKind.Departments && names.Count > 0)
            throw new DomainException("outage.departments", $"Departments are only named for the audience {OutageAudienceKind.Departments}.");
        if (startsAt is { } at && at < now - StartSlack)
            throw new DomainException("outage.startsInPast", "An outage cannot start in the past.");

        var outage = new Outage
        {
            Id = id,
            ServiceKey = serviceKey.Trim(),
            Title = title.Trim(),
            Message = message.Trim(),
            Severity = severity,
            Audience = audience,
            StartsAt = startsAt is { } start && start > now ? start : now,
            Status = OutageStatus.Scheduled,
            DeclaredBy = by,
            DeclaredAt = now,
            Version = 1,
        };
        outage._departments.AddRange(names);
        return outage;
    }

    /// <summary>How early a "now" from a form may be and still count as now.</summary>
    public static readonly TimeSpan StartSlack = TimeSpan.FromMinutes(1);

    /// <summary>True while the notice waits for its start.</summary>
    public bool IsDueAt(DateTimeOffset now) => Status == OutageStatus.Scheduled && now >= StartsAt;

    /// <summary>Scheduled → Active: the notice goes out (the caller enqueues one per recipient in the same unit of work).</summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status != OutageStatus.Scheduled)
            throw new DomainException("outage.notScheduled", $"Outage {Id} is {Status}; only a scheduled outage is published.");
        if (now < StartsAt) throw new DomainException("outage.notDue", $"Outage {Id} starts at {StartsAt:O}, not before.");
        Status = OutageStatus.Active;
        PublishedAt = now;
        Version++;
    }

    /// <summary>Active → Active with one more update; the notice each recipient got is edited to show it.</summary>
    public OutageUpdate PostUpdate(string text, PersonRef by, DateTimeOffset now)
    {
        if (Status != OutageStatus.Active)
            throw new DomainException("outage.notActive", $"Outage {Id} is {Status}; only an active outage takes updates.");
        return Append(text, by, now, required: true)!;
    }

    /// <summary>
    /// Active → Ended (the notices say it is over, with the closing word if there is one), or Scheduled →
    /// Ended: called off before it started, nobody was told and nobody will be.
    /// </summary>
    public void End(string? text, PersonRef by, DateTimeOffset now)
    {
        if (Status == OutageStatus.Ended) throw new DomainException("outage.ended", $"Outage {Id} has already ended.");
        Append(text, by, now, required: false);
        Status = OutageStatus.Ended;
        EndedAt = now;
        Version++;
    }

    public bool WasPublished => PublishedAt is not null;

    /// <summary>The major incident that handles this outage; "I'm affected" links people's incidents to it.</summary>
    public void LinkMajorIncident(Ticket major)
    {
        if (!major.IsMajor) throw new DomainException("outage.notMajor", $"{major.Number} is not a major incident.");
        if (MajorIncidentId == major.Id) return;
        if (MajorIncidentId is not null)
            throw new DomainException("outage.majorLinked", $"Outage {Id} is already handled by another major incident.");
        if (Status == OutageStatus.Ended) throw new DomainException("outage.ended", $"Outage {Id} has ended.");
        MajorIncidentId = major.Id;
        Version++;
    }

    /// <summary>The incident that records this person as affected, if they said so already.</summary>
    public OutageAffected? AffectedBy(string personKey) =>
        _affected.FirstOrDefault(a => string.Equals(a.PersonKey, personKey, StringComparison.Ordinal));

    /// <summary>Someone said "I'm affected" and their incident is linked to the major incident: once per person.</summary>
    public void RecordAffected(string personKey, Ticket incident, DateTimeOffset now)
    {
        if (Status != OutageStatus.Active)
            throw new DomainException("outage.notActive", $"Outage {Id} is {Status}; people report themselves affected while it is active.");
        if (MajorIncidentId is null || incident.MajorIncidentId != MajorIncidentId)
            throw new DomainException("outage.notLinked", $"{incident.Number} is not linked to the outage's major incident.");
        if (string.IsNullOrWhiteSpace(personKey)) throw new DomainException("outage.person", "Who is affected?");
        if (AffectedBy(personKey) is not null)
            throw new DomainException("outage.alreadyAffected", $"{personKey} already said they are affected by outage {Id}.");
        _affected.Add(new OutageAffected(personKey, incident.Id, now));
        Version++;
    }

    private OutageUpdate? Append(string? text, PersonRef by, DateTimeOffset now, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) throw new DomainException("outage.updateText", "An update needs text.");
            return null;
        }
        if (text.Trim().Length > MaxMessageLength) throw new DomainException("outage.messageLength", $"An update is at most {MaxMessageLength} characters.");
        var update = new OutageUpdate(_updates.Count + 1, text.Trim(), now, by);
        _updates.Add(update);
        Version++;
        return update;
    }
}
