using System.Text.Json.Serialization;

namespace ServiceDesk.Cards.AdaptiveCards;

/// <summary>
/// An Adaptive Card. Top-level cards declare <c>$schema</c> and version 1.5 (the newest Teams
/// renders); the cards inside an <see cref="ShowCardAction"/> declare neither.
/// </summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string TeamsVersion = "1.5";

    [JsonPropertyOrder(-10)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-9)]
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    [JsonPropertyOrder(-8)]
    public string? Version { get; init; }

    /// <summary>ISO 639-1 code of the card's language, which date/time functions of the client follow.</summary>
    public string? Lang { get; init; }

    /// <summary>What clients that cannot render the card show instead, and what notifications preview.</summary>
    public string? FallbackText { get; init; }

    public Refresh? Refresh { get; init; }

    public required IReadOnlyList<Element> Body { get; init; }

    public IReadOnlyList<AdaptiveAction>? Actions { get; init; }

    public static AdaptiveCard TopLevel(string lang, string fallbackText, IReadOnlyList<Element> body, Refresh? refresh = null) => new()
    {
        Schema = SchemaUrl,
        Version = TeamsVersion,
        Lang = lang,
        FallbackText = fallbackText,
        Refresh = refresh,
        Body = body,
    };

    public static AdaptiveCard Nested(IReadOnlyList<Element> body) => new() { Body = body };
}

/// <summary>
/// Teams' up-to-date views: the client runs <see cref="Action"/> (an Action.Execute) to fetch the
/// current card, automatically for <see cref="UserIds"/> (at most 60; empty means only on demand;
/// omitted means everyone in chats of up to 60 members).
/// </summary>
public sealed record Refresh
{
    public Refresh(ExecuteAction action) => Action = action;

    [JsonPropertyOrder(-10)]
    public string Type => "Refresh";

    // Typed as the base so the JSON carries "type": "Action.Execute" (written only for polymorphic properties).
    public AdaptiveAction Action { get; }

    public IReadOnlyList<string>? UserIds { get; init; }
}
