using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Problems;

public enum ProblemStatus { Open, KnownError, Resolved }

/// <summary>Root-cause record opened from L2/L3 when the cause cannot be fixed now.</summary>
public sealed class Problem
{
    public const string Prefix = "PRB";
    private readonly List<Guid> _linkedIncidents = [];

    private Problem() { }

    public Guid Id { get; private set; }
    public long Sequence { get; private set; }
    public string Number => $"{Prefix}-{Sequence:D6}";
    public bool HasNumber => Sequence > 0;
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string OwnerGroup { get; private set; } = "";
    public ProblemStatus Status { get; private set; }
    public string? Workaround { get; private set; }
    public string? RootCause { get; private set; }
    public PersonRef OpenedBy { get; private set; } = null!;
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<Guid> LinkedIncidents => _linkedIncidents;

    public static Problem Open(Guid id, string title, string description, string ownerGroup, SupportLevel openerLevel, PersonRef by, DateTimeOffset now)
    {
        if (openerLevel < SupportLevel.L2)
            throw new DomainException("problem.level", "Problems are opened from level 2 or 3.");
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("problem.titleRequired", "A problem needs a title.");
        return new Problem
        {
            Id = id,
            Title = title.Trim(),
            Description = description?.Trim() ?? "",
            OwnerGroup = ownerGroup,
            Status = ProblemStatus.Open,
            OpenedBy = by,
            OpenedAt = now,
            Version = 1,
        };
    }

    public void AssignNumber(long sequence)
    {
        if (HasNumber) throw new DomainException("problem.numberAssigned", $"{Number} already has a number.");
        if (sequence <= 0) throw new ArgumentOutOfRangeException(nameof(sequence));
        Sequence = sequence;
    }

    public void LinkIncident(Ticket incident)
    {
        if (Status == ProblemStatus.Resolved)
            throw new DomainException("problem.resolved", $"{Number} is resolved; open a new problem.");
        if (incident.Kind != TicketKind.Incident)
            throw new DomainException("problem.onlyIncidents", "Only incidents link to problems.");
        if (_linkedIncidents.Contains(incident.Id)) return;
        _linkedIncidents.Add(incident.Id);
        Version++;
    }

    /// <summary>A documented workaround turns the problem into a known error.</summary>
    public void RecordWorkaround(string workaround)
    {
        if (Status == ProblemStatus.Resolved)
            throw new DomainException("problem.resolved", $"{Number} is resolved.");
        if (string.IsNullOrWhiteSpace(workaround)) throw new DomainException("problem.workaroundRequired", "A workaround needs text.");
        Workaround = workaround.Trim();
        Status = ProblemStatus.KnownError;
        Version++;
    }

    public void Resolve(string rootCause, DateTimeOffset now)
    {
        if (Status == ProblemStatus.Resolved)
            throw new DomainException("problem.resolved", $"{Number} is already resolved.");
        if (string.IsNullOrWhiteSpace(rootCause)) throw new DomainException("problem.rootCauseRequired", "Resolving a problem needs its root cause.");
        RootCause = rootCause.Trim();
        Status = ProblemStatus.Resolved;
        ResolvedAt = now;
        Version++;
    }
}
