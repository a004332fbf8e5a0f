using ServiceDesk.Cards.Intake;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>
/// What the ticket cards show of a ticket, taken from the aggregate and the lookups the card
/// needs (catalog names, SLA state at render time). The requester's card uses a subset.
/// </summary>
public sealed record TicketView
{
    public const int RecentEventCount = 3;

    public required Guid Id { get; init; }
    public required int Version { get; init; }
    public required TicketNumber Number { get; init; }
    public required TicketKind Kind { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public required Priority Priority { get; init; }
    public bool IsMajor { get; init; }
    public required Impact Impact { get; init; }
    public required Urgency Urgency { get; init; }
    public required TicketStatus Status { get; init; }
    public required SupportLevel Level { get; init; }
    public required string Group { get; init; }
    public required string RequesterName { get; init; }
    public string? RequesterDepartment { get; init; }
    public LocalizedText? Category { get; init; }
    public LocalizedText? Service { get; init; }
    public PersonRef? Assignee { get; init; }
    public string? PendingReason { get; init; }
    public Resolution? Resolution { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ProblemNumber { get; init; }

    /// <summary>Both clocks at render time; null where there is no SLA to show (cancelled tickets).</summary>
    public SlaState? Sla { get; init; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<TicketEvent> RecentEvents { get; init; } = [];

    /// <summary>The group wants an auditor to approve closure of resolved tickets.</summary>
    public bool ClosureNeedsApproval { get; init; }

    /// <summary>Agents the ticket can be assigned to (the group's members); empty offers a free-text key.</summary>
    public IReadOnlyList<PersonRef> AssignableAgents { get; init; } = [];

    /// <summary>The groups above the ticket's level it can be escalated to; empty offers the levels only.</summary>
    public IReadOnlyList<EscalationTarget> EscalationGroups { get; init; } = [];

    /// <summary>The catalog's categories, for agents to (re)categorize the ticket; empty offers none.</summary>
    public IReadOnlyList<CatalogChoice> CategoryChoices { get; init; } = [];

    /// <summary>The ticket's category key, so the categorize form starts from it.</summary>
    public string? CategoryKey { get; init; }

    public static TicketView From(
        Ticket ticket,
        SlaState? sla,
        Category? category = null,
        Service? service = null,
        string? problemNumber = null,
        bool closureNeedsApproval = false,
        IReadOnlyList<PersonRef>? assignableAgents = null) => new()
    {
        Id = ticket.Id,
        Version = ticket.Version,
        Number = ticket.Number,
        Kind = ticket.Kind,
        Title = ticket.Title,
        Description = ticket.Description,
        Priority = ticket.Priority,
        IsMajor = ticket.IsMajor,
        Impact = ticket.Impact,
        Urgency = ticket.Urgency,
        Status = ticket.Status,
        Level = ticket.Level,
        Group = ticket.Group,
        RequesterName = ticket.Requester.DisplayName,
        RequesterDepartment = ticket.Requester.Department,
        Category = category?.Name,
        Service = service?.Name,
        Assignee = ticket.Assignee,
        PendingReason = ticket.PendingReason,
        Resolution = ticket.Status is TicketStatus.Resolved or TicketStatus.Closed ? ticket.Resolution : null,
        CreatedAt = ticket.CreatedAt,
        ResolvedAt = ticket.ResolvedAt,
        ProblemNumber = problemNumber,
        Sla = ticket.Status == TicketStatus.Cancelled ? null : sla,
        RecentEvents = ticket.Events.Reverse().Take(RecentEventCount).ToArray(),
        ClosureNeedsApproval = closureNeedsApproval,
        AssignableAgents = assignableAgents ?? [],
    };
}

/// <summary>A support group a ticket can be escalated to.</summary>
public sealed record EscalationTarget(string Group, SupportLevel Level);
