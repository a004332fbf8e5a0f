using ServiceDesk.Bot.Turns;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk;

/// <summary>Who clicked, as the desk knows them: their roster entry (if any) and whether they reported the ticket.</summary>
public sealed record DeskActor(PersonRef Ref, Person? Person, bool IsRequester)
{
    public bool Has(Role role) => Person?.Has(role) ?? false;
}

/// <summary>Why the desk refused; each has its explanation in both languages (<c>desk.refused.*</c>).</summary>
public enum DeskRefusal
{
    /// <summary>An agent's action by someone who is not on the roster (an employee).</summary>
    NotOnRoster,
    /// <summary>An agent or specialist of another group.</summary>
    OtherGroup,
    /// <summary>The click came from another organisation than the ticket's channel or the person's.</summary>
    OtherTenant,
    NotRequester,
    NotAuditor,
    NotCoordinator,
}

public sealed record DeskDecision(DeskActor Actor, DeskRefusal? Refusal)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// Every card action is decided here from the roster, the tenant and the ticket, whatever the card
/// said: a card only carries ids and a version, never who may do what. The person is found by their
/// Entra object id (Teams) or Slack id; the channel's display name is never trusted.
/// </summary>
public sealed class DeskAuthorization(IRosterRepository roster)
{
    /// <summary>The clicking person's roster entry, if they are on it.</summary>
    public async Task<Person?> PersonAsync(TurnContext context, CancellationToken ct)
    {
        var from = context.Turn.From;
        if (!string.IsNullOrWhiteSpace(from.AadObjectId) && await roster.FindByAadObjectIdAsync(from.AadObjectId, ct) is { } byAad)
            return byAad;
        return context.Turn.ChannelId == "slack" ? await roster.FindBySlackUserIdAsync(from.Id, ct) : null;
    }

    /// <summary>Agents' verbs: an agent or specialist of the ticket's group, or a coordinator, of the ticket's organisation.</summary>
    public async Task<DeskDecision> AgentAsync(TurnContext context, Ticket ticket, CancellationToken ct) =>
        await ForGroupAsync(context, ticket, ticket.Group, ct);

    /// <summary>A problem is worked by its owner group (or a coordinator).</summary>
    public async Task<DeskDecision> ProblemAsync(TurnContext context, Problem problem, CancellationToken ct) =>
        await ForGroupAsync(context, null, problem.OwnerGroup, ct);

    /// <summary>The requester's verbs (confirm, cancel, answer): only the person who reported the ticket.</summary>
    public async Task<DeskDecision> RequesterAsync(TurnContext context, Ticket ticket, CancellationToken ct)
    {
        var actor = await ActorAsync(context, ticket, ct);
        return new DeskDecision(actor, actor.IsRequester ? null : DeskRefusal.NotRequester);
    }

    /// <summary>Reopen is the requester's ("not fixed") and the group's agents' alike.</summary>
    public async Task<DeskDecision> RequesterOrAgentAsync(TurnContext context, Ticket ticket, CancellationToken ct)
    {
        var requester = await RequesterAsync(context, ticket, ct);
        return requester.Allowed ? requester : await AgentAsync(context, ticket, ct);
    }

    /// <summary>Closure approval: auditors only, of the ticket's organisation.</summary>
    public async Task<DeskDecision> AuditorAsync(TurnContext context, Ticket ticket, CancellationToken ct)
    {
        var actor = await ActorAsync(context, ticket, ct);
        if (actor.Person is null) return new DeskDecision(actor, DeskRefusal.NotOnRoster);
        if (!await SameTenantAsync(context, actor.Person, ticket.Group, ct)) return new DeskDecision(actor, DeskRefusal.OtherTenant);
        return new DeskDecision(actor, actor.Has(Role.Auditor) ? null : DeskRefusal.NotAuditor);
    }

    /// <summary>Desk settings from a chat (a group's triage channel): coordinators only.</summary>
    public async Task<DeskDecision> CoordinatorAsync(TurnContext context, CancellationToken ct)
    {
        var person = await PersonAsync(context, ct);
        var actor = new DeskActor(person?.AsRef() ?? Anonymous(context), person, false);
        if (person is null) return new DeskDecision(actor, DeskRefusal.NotOnRoster);
        if (person.TenantId is { Length: > 0 } tenant && !SameTenant(tenant, context.Turn.Conversation.TenantId))
            return new DeskDecision(actor, DeskRefusal.OtherTenant);
        return new DeskDecision(actor, person.Has(Role.Coordinator) ? null : DeskRefusal.NotCoordinator);
    }

    /// <summary>Anyone on the desk's roster (reading the agents' view of a ticket, the queue).</summary>
    public async Task<DeskDecision> DeskMemberAsync(TurnContext context, CancellationToken ct)
    {
        var person = await PersonAsync(context, ct);
        var actor = new DeskActor(person?.AsRef() ?? Anonymous(context), person, false);
        if (person is null || person.Roles == Role.None) return new DeskDecision(actor, DeskRefusal.NotOnRoster);
        if (person.TenantId is { Length: > 0 } tenant && !SameTenant(tenant, context.Turn.Conversation.TenantId))
            return new DeskDecision(actor, DeskRefusal.OtherTenant);
        return new DeskDecision(actor, null);
    }

    private async Task<DeskDecision> ForGroupAsync(TurnContext context, Ticket? ticket, string group, CancellationToken ct)
    {
        var actor = await ActorAsync(context, ticket, ct);
        if (actor.Person is not { } person || !(person.Has(Role.Agent) || person.Has(Role.Specialist) || person.Has(Role.Coordinator)))
            return new DeskDecision(actor, DeskRefusal.NotOnRoster);
        if (!await SameTenantAsync(context, person, group, ct)) return new DeskDecision(actor, DeskRefusal.OtherTenant);
        var inGroup = person.IsIn(group) && (person.Has(Role.Agent) || person.Has(Role.Specialist));
        return new DeskDecision(actor, inGroup || person.Has(Role.Coordinator) ? null : DeskRefusal.OtherGroup);
    }

    private async Task<DeskActor> ActorAsync(TurnContext context, Ticket? ticket, CancellationToken ct)
    {
        var person = await PersonAsync(context, ct);
        var from = context.Turn.From;
        var isRequester = ticket is not null
            && (ticket.Requester.Key == from.Id || (!string.IsNullOrWhiteSpace(from.AadObjectId) && ticket.Requester.Key == from.AadObjectId));
        var reference = person?.AsRef() ?? (isRequester ? ticket!.Requester.AsPerson() : Anonymous(context));
        return new DeskActor(reference, person, isRequester);
    }

    // The turn's organisation must be the person's (when the roster says) and the group's channel's (when it has one).
    private async Task<bool> SameTenantAsync(TurnContext context, Person person, string groupName, CancellationToken ct)
    {
        var turnTenant = context.Turn.Conversation.TenantId;
        if (person.TenantId is { Length: > 0 } personTenant && !SameTenant(personTenant, turnTenant)) return false;
        var group = await roster.FindGroupAsync(groupName, ct);
        return group?.TriageChannel?.TenantId is not { Length: > 0 } groupTenant || SameTenant(groupTenant, turnTenant);
    }

    private static bool SameTenant(string expected, string? actual) => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);

    private static PersonRef Anonymous(TurnContext context) =>
        new(context.Turn.From.AadObjectId ?? context.Turn.From.Id, context.Turn.From.Name ?? context.Turn.From.Id);
}
