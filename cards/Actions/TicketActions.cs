using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Actions;

// Agents' verbs (triage channel). Property names are the JSON names in camelCase, and the card's
// input ids carry the same names (scoped by verb, see ActionData).

public sealed record ClaimTicket(Guid TicketId, int Version) : ITicketAction, ICardVerb
{
    public static string Verb => "claimTicket";
}

public sealed record StartWork(Guid TicketId, int Version) : ITicketAction, ICardVerb
{
    public static string Verb => "startWork";
}

public sealed record AssignTicket(Guid TicketId, int Version, string AssigneeKey) : ITicketAction, ICardVerb
{
    public static string Verb => "assignTicket";
}

/// <param name="ToRequester">A message the requester sees; otherwise an internal note for the desk.</param>
public sealed record CommentOnTicket(Guid TicketId, int Version, string Text, bool ToRequester) : ITicketAction, ICardVerb
{
    public static string Verb => "commentOnTicket";
}

public sealed record AskRequester(Guid TicketId, int Version, string Question) : ITicketAction, ICardVerb
{
    public static string Verb => "askRequester";
}

public sealed record PutOnHold(Guid TicketId, int Version, string Reason) : ITicketAction, ICardVerb
{
    public static string Verb => "putOnHold";
}

public sealed record ResumeTicket(Guid TicketId, int Version) : ITicketAction, ICardVerb
{
    public static string Verb => "resumeTicket";
}

/// <param name="Reusable">The resolution may become a knowledge answer for the next person who asks.</param>
public sealed record ResolveTicket(Guid TicketId, int Version, ResolutionCode Code, string Notes, bool Workaround, bool Reusable) : ITicketAction, ICardVerb
{
    public static string Verb => "resolveTicket";
}

/// <param name="Group">The group chosen on the card; it decides the level. Null: the desk picks the group at level <paramref name="To"/>.</param>
public sealed record EscalateTicket(Guid TicketId, int Version, SupportLevel To, string Reason, string? Group = null) : ITicketAction, ICardVerb
{
    public static string Verb => "escalateTicket";
}

public sealed record DeclareMajor(Guid TicketId, int Version) : ITicketAction, ICardVerb
{
    public static string Verb => "declareMajor";
}

public sealed record OpenProblem(Guid TicketId, int Version, string Title) : ITicketAction, ICardVerb
{
    public static string Verb => "openProblem";
}

/// <param name="ProblemNumber">As people write it, e.g. PRB-000012.</param>
public sealed record LinkProblem(Guid TicketId, int Version, string ProblemNumber) : ITicketAction, ICardVerb
{
    public static string Verb => "linkProblem";
}

public sealed record CallCoordinator(Guid TicketId, int Version, string Reason) : ITicketAction, ICardVerb
{
    public static string Verb => "callCoordinator";
}

/// <param name="Category">A catalog category key; the ticket takes the category's service when it names one.</param>
public sealed record CategorizeTicket(Guid TicketId, int Version, string Category) : ITicketAction, ICardVerb
{
    public static string Verb => "categorizeTicket";
}

// Auditors' verbs, on resolved tickets of groups that require approval before closure.

public sealed record ApproveClosure(Guid TicketId, int Version) : ITicketAction, ICardVerb
{
    public static string Verb => "approveClosure";
}

public sealed record RejectClosure(Guid TicketId, int Version, string Reason) : ITicketAction, ICardVerb
{
    public static string Verb => "rejectClosure";
}

// Requesters' verbs (personal chat). Reopen is also open to agents.

/// <summary>The requester adds information or answers the desk's question.</summary>
public sealed record ReplyOnTicket(Guid TicketId, int Version, string Text) : ITicketAction, ICardVerb
{
    public static string Verb => "replyOnTicket";
}

public sealed record ConfirmFix(Guid TicketId, int Version) : ITicketAction, ICardVerb
{
    public static string Verb => "confirmFix";
}

public sealed record ReopenTicket(Guid TicketId, int Version, string Reason) : ITicketAction, ICardVerb
{
    public static string Verb => "reopenTicket";
}

public sealed record CancelTicket(Guid TicketId, int Version, string? Reason = null) : ITicketAction, ICardVerb
{
    public static string Verb => "cancelTicket";
}

/// <summary>Which card of a ticket a refresh (or a "show again") re-renders.</summary>
public enum TicketCardAudience
{
    Requester,
    Agent,
}

/// <summary>Teams' automatic refresh of a ticket card (up-to-date views), and the manual "refresh card".</summary>
public sealed record RefreshTicket(Guid TicketId, int Version, TicketCardAudience Audience) : ITicketAction, ICardVerb
{
    public static string Verb => "refreshTicket";
}
