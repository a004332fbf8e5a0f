using ServiceDesk.Bot.Outbox;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Bot.Turns;

/// <summary>
/// One turn as handlers see it: what arrived, the conversation's reference (already refreshed), the
/// reader's language for cards and texts, and a way to answer through the outbox. Handlers answer;
/// the router commits.
/// </summary>
public sealed class TurnContext(Turn turn, ConversationReference conversation, CardContext cards, DateTimeOffset now, IOutbound outbound)
{
    public Turn Turn { get; } = turn;
    public ConversationReference Conversation { get; } = conversation;
    /// <summary>The reader's language, the desk's zone and now: what every card renders with.</summary>
    public CardContext Cards { get; } = cards;
    public Texts Texts => Cards.Texts;
    public DateTimeOffset Now { get; } = now;
    public IOutbound Outbound { get; } = outbound;
    /// <summary>The conversation's locale before this turn refreshed it (null: never said).</summary>
    public string? LocaleBefore { get; init; }

    /// <summary>What people call the bot here (what they @mention).</summary>
    public string BotName => Turn.Conversation.BotName ?? Conversation.BotName ?? DefaultBotName;

    public const string DefaultBotName = "ServiceDesk";

    /// <summary>Where this turn happened: its conversation, its thread when it is one, under the activity answered.</summary>
    public OutboundTarget ReplyTarget => new(Conversation.Key, Thread, Turn.ActivityId);

    /// <summary>The turn's conversation (its thread, when it is one), without answering a particular activity.</summary>
    public OutboundTarget Here => new(Conversation.Key, Thread);

    public void Reply(OutboundMessage message) => Outbound.Send(ReplyTarget, message);

    private string? Thread =>
        Turn.Conversation.ConversationId == Conversation.ConversationId ? null : Turn.Conversation.ConversationId;
}
