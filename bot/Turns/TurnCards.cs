using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Welcome;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Bot.Turns;

/// <summary>The cards and short answers of the router, in the reader's language.</summary>
public sealed class TurnCards(IOptions<DeskOptions> desk)
{
    /// <summary>
    /// The turn's locale, else the one the conversation last had, else <c>ServiceDesk:DefaultLocale</c>;
    /// likewise the time zone (in personal chats), else <c>ServiceDesk:TimeZone</c>;
    /// Teams runs universal actions, other channels plain submits.
    /// </summary>
    public CardContext ContextFor(Turn turn, ConversationReference conversation, DateTimeOffset now)
    {
        var settings = desk.Value;
        var locale = Languages.TryParse(turn.Locale) is not null ? turn.Locale : conversation.Locale;
        // A person's zone only in their personal chat: a channel's card is read by many.
        var zone = conversation.Type == ConversationType.Personal
            ? CardContext.ZoneOr(turn.TimeZone ?? conversation.TimeZone, settings.Zone)
            : settings.Zone;
        return CardContext.For(locale, settings.DefaultLocale, zone, Instant.FromDateTimeOffset(now)) with
        {
            Actions = turn.ChannelId == "msteams" ? ActionKind.Execute : ActionKind.Submit,
            DeskZone = settings.Zone,
        };
    }

    /// <summary>The language of <c>ServiceDesk:DefaultLocale</c>, what a card is drawn in when the person's is unknown.</summary>
    public Language DefaultLanguage => Languages.Resolve(null, desk.Value.DefaultLocale);

    /// <summary>The welcome is sent under this key, so it can be redrawn once the person's language is known.</summary>
    public static string WelcomeKey(ConversationReference conversation) => "welcome|" + conversation.Key;

    public static JsonObject Welcome(TurnContext context) =>
        context.Conversation.Type == ConversationType.Personal
            ? WelcomeCard.Render(new WelcomeView(context.BotName, FirstName(context.Turn.From.Name ?? context.Conversation.UserName)), context.Cards)
            : throw new InvalidOperationException("The personal welcome is for personal chats; use TeamWelcome.");

    public static JsonObject TeamWelcome(TurnContext context, IReadOnlyList<string> groups) =>
        WelcomeCard.RenderForTeam(new TeamWelcomeView(context.BotName, context.Conversation.TeamName, groups), context.Cards);

    public static JsonObject Help(TurnContext context) =>
        HelpCard.Render(context.Conversation.Type == ConversationType.Personal ? HelpAudience.Employee : HelpAudience.Agent, context.BotName, context.Cards);

    /// <summary>For a click on a card that names no verb: one from before the action contract, or not ours.</summary>
    public static JsonObject OutOfDateCard(TurnContext context) => MessageCard.Render(Messages.OutOfDate(context.Texts), context.Cards);

    public static string OutOfDate(Texts texts) => Sentence(Messages.OutOfDate(texts));

    public static string Failed(Texts texts) => Sentence(Messages.Failed(texts));

    /// <summary>A verb this version of the bot knows but nothing handles yet.</summary>
    public static string NotAvailable(Texts texts) =>
        texts["turn.notAvailable"] + " " + texts.Format("welcome.helpHint", ("command", texts["command.help"]));

    private static string Sentence(MessageView view) => $"{view.Title}. {view.Text}";

    private static string? FirstName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().Split(' ', 2)[0];
}
