using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows;

/// <summary>The person in a personal chat as the desk files their tickets.</summary>
internal static class Requesters
{
    public static RequesterIdentity Of(TurnContext context)
    {
        var turn = context.Turn;
        // The language they write in now; the chat's last known one; the language the bot answers in.
        var locale = Languages.TryParse(turn.Locale) is not null ? turn.Locale
            : Languages.TryParse(context.Conversation.Locale) is not null ? context.Conversation.Locale
            : context.Texts.LanguageCode;
        return new RequesterIdentity(turn.ChannelId, turn.From.Id, turn.From.AadObjectId, turn.From.Name ?? context.Conversation.UserName, locale)
        {
            TenantId = turn.Conversation.TenantId,
            ConversationKey = context.Conversation.Key,
            TimeZone = turn.TimeZone ?? context.Conversation.TimeZone,
        };
    }

    /// <summary>Employees see only their own tickets: the one who reported it, by Entra id or channel id.</summary>
    public static bool Reported(TurnContext context, Ticket ticket)
    {
        var from = context.Turn.From;
        return ticket.Requester.Key == from.Id || (!string.IsNullOrWhiteSpace(from.AadObjectId) && ticket.Requester.Key == from.AadObjectId);
    }
}
