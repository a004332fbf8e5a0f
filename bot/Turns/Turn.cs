using System.Text.Json;

namespace ServiceDesk.Bot.Turns;

public enum TurnKind
{
    Message,
    CardAction,
    /// <summary>The bot was added to a personal chat, a team or a group chat.</summary>
    Installed,
    /// <summary>The bot was removed; proactive messages to this conversation will fail.</summary>
    Uninstalled,
    /// <summary>People (not the bot) joined a conversation the bot is in.</summary>
    MembersAdded,
    /// <summary>Understood and deliberately not acted on (reactions, typing, renames...).</summary>
    Ignored,
}

/// <summary>
/// One inbound activity of any channel, reduced to what flows and action handlers need.
/// Channel endpoints build it; nothing past the router sees channel JSON.
/// </summary>
public sealed record Turn
{
    public required TurnKind Kind { get; init; }
    public required string ChannelId { get; init; }
    /// <summary>The channel's id of this activity; the de-duplication key together with <see cref="ChannelId"/>.</summary>
    public string? ActivityId { get; init; }
    public required ConversationAddress Conversation { get; init; }
    public required TurnUser From { get; init; }
    public string? Locale { get; init; }
    /// <summary>The sender's IANA time zone as the channel gives it (unchecked: an unknown one falls back to the desk's).</summary>
    public string? TimeZone { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    /// <summary>What the person typed, with the bot's @mention removed and other mentions reduced to the name.</summary>
    public string? Text { get; init; }
    /// <summary>For card actions and reactions: the id of the message that carried the card.</summary>
    public string? ReplyToId { get; init; }
    public CardAction? Action { get; init; }
    public IReadOnlyList<TurnUser> MembersAdded { get; init; } = [];
    /// <summary>People mentioned in the text other than the bot.</summary>
    public IReadOnlyList<TurnUser> Mentions { get; init; } = [];
    /// <summary>The channel waits for a synchronous answer (Teams invoke); see <see cref="TurnResult.InvokeResponse"/>.</summary>
    public bool ExpectsInvokeResponse { get; init; }
}

public enum CardActionSource
{
    /// <summary>Universal action (Teams invoke <c>adaptiveCard/action</c>): may be answered with a refreshed card.</summary>
    Execute,
    /// <summary>Action.Submit / messageBack: arrives as a message, the card can only be changed by an update.</summary>
    Submit,
}

/// <param name="Verb">The action's verb; for Action.Submit (and the Execute captures without one) the <c>verb</c> field of the data, if any.</param>
/// <param name="Data">The action data merged with the card's input values, as sent; the cards action contract types it.</param>
/// <param name="IsRefresh">Teams asked for an automatic card refresh rather than a click.</param>
public sealed record CardAction(string? Verb, JsonElement Data, CardActionSource Source, bool IsRefresh);
