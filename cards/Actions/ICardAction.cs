namespace ServiceDesk.Cards.Actions;

/// <summary>
/// The typed payload of one card verb. Cards put <c>{"verb": ..., ...payload}</c> in an action's
/// data; <see cref="CardActionContract"/> reads it back into the record.
/// </summary>
public interface ICardAction;

/// <summary>
/// How a payload type declares its verb. Kept apart from <see cref="ICardAction"/> because an
/// interface with static abstract members cannot be a type argument (<c>List&lt;ICardAction&gt;</c>).
/// </summary>
public interface ICardVerb : ICardAction
{
    static abstract string Verb { get; }
}

/// <summary>
/// A verb on one ticket. The version is the ticket's as the card showed it, so the handler can
/// tell a click on a stale card ("already claimed by Ana") from a fresh one.
/// </summary>
public interface ITicketAction : ICardAction
{
    Guid TicketId { get; }
    int Version { get; }
}
