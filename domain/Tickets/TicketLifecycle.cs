namespace ServiceDesk.Domain.Tickets;

public enum TicketTransition
{
    Claim,
    Assign,
    Start,
    Hold,
    Resume,
    Resolve,
    Reopen,
    Close,
    Cancel,
    Escalate,
}

/// <summary>
/// The lifecycle as data, so it can be read (cards decide which buttons to show) and tested
/// exhaustively. Escalation puts the ticket back in the target group's queue (New).
/// </summary>
public static class TicketLifecycle
{
    private static readonly Dictionary<TicketTransition, (TicketStatus[] From, TicketStatus To)> Rules = new()
    {
        [TicketTransition.Claim] = ([TicketStatus.New], TicketStatus.Assigned),
        [TicketTransition.Assign] = ([TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Assigned),
        [TicketTransition.Start] = ([TicketStatus.Assigned], TicketStatus.InProgress),
        [TicketTransition.Hold] = ([TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Pending),
        [TicketTransition.Resume] = ([TicketStatus.Pending], TicketStatus.InProgress),
        [TicketTransition.Resolve] = ([TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Resolved),
        [TicketTransition.Reopen] = ([TicketStatus.Resolved], TicketStatus.InProgress),
        [TicketTransition.Close] = ([TicketStatus.Resolved], TicketStatus.Closed),
        [TicketTransition.Cancel] = ([TicketStatus.New, TicketStatus.Assigned], TicketStatus.Cancelled),
        [TicketTransition.Escalate] = ([TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.New),
    };

    public static bool Allows(TicketStatus from, TicketTransition transition) =>
        Array.IndexOf(Rules[transition].From, from) >= 0;

    public static TicketStatus Target(TicketTransition transition) => Rules[transition].To;

    public static IEnumerable<TicketTransition> AllowedFrom(TicketStatus from) =>
        Enum.GetValues<TicketTransition>().Where(t => Allows(from, t));
}

public sealed class InvalidTransitionException(TicketNumber number, TicketStatus from, TicketTransition transition)
    : DomainException("ticket.invalidTransition", $"{number}: cannot {transition} a ticket that is {from}.")
{
    public TicketStatus From { get; } = from;
    public TicketTransition Transition { get; } = transition;
}

public sealed class AlreadyClaimedException(TicketNumber number, PersonRef owner)
    : DomainException("ticket.alreadyClaimed", $"{number} is already claimed by {owner.DisplayName}.")
{
    public PersonRef Owner { get; } = owner;
}
