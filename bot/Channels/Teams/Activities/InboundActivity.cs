using System.Text.Json;

namespace ServiceDesk.Bot.Channels.Teams.Activities;

/// <summary>
/// The fields of a Bot Framework activity (protocol.md §1) the bot reads. Unknown fields are
/// ignored; parts whose shape varies by channel stay <see cref="JsonElement"/>.
/// </summary>
public sealed class InboundActivity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? Text { get; set; }
    public string? Locale { get; set; }
    /// <summary>The sender's IANA time zone (Teams clients send it on messages and invokes).</summary>
    public string? LocalTimezone { get; set; }
    public string? Name { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public JsonElement? Value { get; set; }
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
}
