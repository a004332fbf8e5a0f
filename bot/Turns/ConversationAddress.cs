using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Bot.Turns;

/// <summary>
/// Where a turn happened and where an answer goes. Only built from authenticated requests, so its
/// <see cref="ServiceUrl"/> may later receive the bot's token.
/// </summary>
/// <param name="ConversationId">The conversation as the activity named it: for a channel, the thread (<c>...;messageid=...</c>).</param>
/// <param name="BotId">The bot's own account in this channel (Teams <c>28:&lt;appId&gt;</c>).</param>
/// <param name="TeamId">Teams team thread id, for team contexts.</param>
/// <param name="TeamChannelId">Teams channel thread id (<c>19:...@thread.tacv2</c>), for channel contexts.</param>
/// <param name="BotName">The name the channel shows for the bot (what people @mention).</param>
public sealed record ConversationAddress(
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    ConversationType ConversationType,
    string? TenantId,
    string? BotId,
    string? TeamId = null,
    string? TeamChannelId = null,
    string? BotName = null,
    string? TeamName = null)
{
    /// <summary>The conversation the bot keeps a reference to: a channel itself rather than one of its threads.</summary>
    public string ReferenceConversationId =>
        ConversationType == ConversationType.Channel ? TeamChannelId ?? ConversationId : ConversationId;
}

/// <param name="Id">The channel's id of the person (Teams <c>29:...</c>, unique per bot).</param>
/// <param name="AadObjectId">Entra object id (= Graph user id) when the channel knows it.</param>
public sealed record TurnUser(string Id, string? Name, string? AadObjectId);
