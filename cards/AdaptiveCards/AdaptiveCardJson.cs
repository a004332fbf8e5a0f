using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ServiceDesk.Cards.AdaptiveCards;

/// <summary>Writes the card records as Adaptive Card JSON (camelCase, unset properties left out).</summary>
public static class AdaptiveCardJson
{
    /// <summary>The MIME type of an Adaptive Card attachment and of a card in an invoke response.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject ToJsonObject(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, AdaptiveCardJsonContext.Default.AdaptiveCard)!.AsObject();

    public static string ToJsonString(AdaptiveCard card) =>
        JsonSerializer.Serialize(card, AdaptiveCardJsonContext.Default.AdaptiveCard);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
internal sealed partial class AdaptiveCardJsonContext : JsonSerializerContext;
