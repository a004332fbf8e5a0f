using System.Text.Json;
using ServiceDesk.Bot.Channels.Teams.Activities;
using ServiceDesk.Bot.Turns;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>Where a Connector call goes. The tenant keys the per-tenant rate limit.</summary>
public sealed record ConnectorConversation(string ServiceUrl, string ConversationId, string? TenantId)
{
    public static ConnectorConversation From(ConversationAddress address) =>
        new(address.ServiceUrl, address.ConversationId, address.TenantId);
}

/// <summary>An activity the bot sends (protocol.md §3). The Connector fills what bots must not set.</summary>
public sealed record OutgoingActivity
{
    public string Type { get; init; } = "message";
    /// <summary>Set by <see cref="ConnectorClient.UpdateAsync"/>: an update replaces the activity with this id.</summary>
    public string? Id { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    /// <summary>Shown in notifications when the message has only a card.</summary>
    public string? Summary { get; init; }
    public IReadOnlyList<OutgoingAttachment>? Attachments { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
}

public sealed record OutgoingAttachment(string ContentType, JsonElement Content)
{
    public static OutgoingAttachment AdaptiveCard(JsonElement card) => new(InvokeResponse.AdaptiveCardType, card);
}

public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public required ChannelAccount Bot { get; init; }
    public required IReadOnlyList<ChannelAccount> Members { get; init; }
    public string? TenantId { get; init; }
    public JsonElement? ChannelData { get; init; }
    public OutgoingActivity? Activity { get; init; }
}

public sealed record ResourceResponse(string? Id);

/// <param name="ServiceUrl">Where to send in this conversation, when the Connector says it differs.</param>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
