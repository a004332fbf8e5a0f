namespace ServiceDesk.Cards.Actions;

/// <summary>
/// The typed payload of one card verb. Cards put <c>{"verb": Verb, ...payload}</c> in an action's
/// data; <see cref="CardActionContract"/> reads it back into the record.
/// </summary>
public interface ICardAction
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
