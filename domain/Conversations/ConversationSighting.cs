namespace ServiceDesk.Domain.Conversations;

/// <summary>
/// What one authenticated activity says about where it happened: the facts a
/// <see cref="ConversationReference"/> is created or refreshed from. Channels fill it; the domain
/// only keeps it.
/// </summary>
/// <param name="ConversationId">
/// The conversation to send to later: the personal chat, the group chat, or the channel itself
/// (not a thread of it). Null for a person the bot may reach but has no chat with yet.
/// </param>
/// <param name="ServiceUrl">Where the channel takes messages for this conversation; only from an authenticated request.</param>
public sealed record ConversationSighting(string ChannelId, ConversationType Type, string? ConversationId, string ServiceUrl, DateTimeOffset At)
{
    public string? TenantId { get; init; }
    /// <summary>The bot's own account in this channel (Teams <c>28:&lt;appId&gt;</c>).</summary>
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    /// <summary>The person's id in this channel (Teams <c>29:...</c>, unique per bot).</summary>
    public string? UserId { get; init; }
    /// <summary>Entra object id (= Graph user id), the identity the roster knows people by.</summary>
    public string? UserAadObjectId { get; init; }
    public string? UserName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? TeamChannelId { get; init; }
    public string? Locale { get; init; }
    /// <summary>Personal references: the person's IANA time zone, as their client gave it.</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// The activity happened in this conversation (a message, a click, an install), which proves the
    /// bot can be reached there again; false when the person was only listed, e.g. as a new team member.
    /// </summary>
    public bool IsActivityInConversation { get; init; } = true;

    public string Key => ConversationReference.KeyFor(ChannelId, Type, ConversationId, UserId);
}
