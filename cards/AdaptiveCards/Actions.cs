using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ServiceDesk.Cards.AdaptiveCards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record AdaptiveAction(string Title)
{
    public ButtonStyle? Style { get; init; }
    public string? Tooltip { get; init; }
}

/// <summary>Universal action (Teams invoke): the bot can answer with a refreshed card.</summary>
public sealed record ExecuteAction(string Title, string Verb, JsonObject Data) : AdaptiveAction(Title)
{
    public AssociatedInputs? AssociatedInputs { get; init; }

    /// <summary>What clients older than 1.4 use instead; the bot handles both.</summary>
    public AdaptiveAction? Fallback { get; init; }
}

public sealed record SubmitAction(string Title, JsonObject Data) : AdaptiveAction(Title)
{
    public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : AdaptiveAction(Title);

public sealed record OpenUrlAction(string Title, Uri Url) : AdaptiveAction(Title);
