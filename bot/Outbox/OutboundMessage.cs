using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ServiceDesk.Bot.Outbox;

/// <summary>
/// What the bot says, channel-neutral: a text or one card. A card travels alone, because Teams (and
/// the Agents Playground) split text + card into two messages and the card's id, needed to update
/// it later, is lost.
/// </summary>
/// <param name="Card">An Adaptive Card (1.5).</param>
/// <param name="Summary">What notifications and chat lists show for a card.</param>
public sealed record OutboundMessage(string? Text, JsonElement? Card, string? Summary)
{
    public static OutboundMessage FromText(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A message needs text.", nameof(text)) : new(text, null, null);

    public static OutboundMessage FromCard(JsonElement card, string? summary = null) =>
        card.ValueKind != JsonValueKind.Object ? throw new ArgumentException("A card is a JSON object.", nameof(card)) : new(null, card, summary);

    public static OutboundMessage FromCard(JsonObject card) =>
        FromCard(JsonSerializer.SerializeToElement(card, OutboxJsonContext.Default.JsonObject), card["fallbackText"]?.GetValue<string>());
}

/// <summary>
/// Where in a conversation: the reference (an outbox destination is a conversation reference key),
/// and optionally a thread of it and the message answered.
/// </summary>
/// <param name="ConversationId">A thread of the reference's conversation (Teams channel thread), when not the conversation itself.</param>
/// <param name="ReplyToId">The activity answered, so the channel shows the answer under it.</param>
public sealed record OutboundTarget(string ReferenceKey, string? ConversationId = null, string? ReplyToId = null);

/// <summary>What the outbox row carries; read back by the channel senders. No message for a delete.</summary>
public sealed record OutboxPayload(OutboundMessage? Message, string? ConversationId, string? ReplyToId)
{
    public string Serialize() => JsonSerializer.Serialize(this, OutboxJsonContext.Default.OutboxPayload);

    /// <exception cref="JsonException">The row does not hold a payload (written by something else).</exception>
    public static OutboxPayload Deserialize(string json) =>
        JsonSerializer.Deserialize(json, OutboxJsonContext.Default.OutboxPayload) ?? throw new JsonException("The outbox payload is null.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxPayload))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
