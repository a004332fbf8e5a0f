namespace ServiceDesk.Cards.Actions;

public enum CardActionProblem
{
    /// <summary>Neither the action nor its data names a verb.</summary>
    MissingVerb,
    /// <summary>A verb this version of the bot does not know (an old or foreign card).</summary>
    UnknownVerb,
    /// <summary>The verb is known but its data lacks a field or has one of the wrong type.</summary>
    MalformedPayload,
}

/// <summary>
/// A card action the contract cannot read. The bot answers it as a bad request: "this card is out
/// of date" to the person, the details to the log.
/// </summary>
public sealed class CardActionException(CardActionProblem problem, string? verb, string? field, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public CardActionProblem Problem { get; } = problem;
    public string? Verb { get; } = verb;
    /// <summary>The payload field at fault (camelCase, as in the JSON), when one is.</summary>
    public string? Field { get; } = field;
}
