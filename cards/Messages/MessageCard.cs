using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Messages;

public enum MessageTone { Info, Success, Warning, Error }

/// <param name="TicketId">Adds a "show the ticket" button, e.g. to get the current card after a stale click.</param>
public sealed record MessageView(string Title, string Text, MessageTone Tone = MessageTone.Info, Guid? TicketId = null);

/// <summary>A short answer to a click or a command: a confirmation, a refusal, an error.</summary>
public static class MessageCard
{
    public static JsonObject Render(MessageView view, CardContext context)
    {
        List<Element> body =
        [
            new TextBlock(view.Title) { Weight = TextWeight.Bolder, Color = ColorOf(view.Tone) },
            new TextBlock(view.Text) { Spacing = Spacing.Small },
        ];
        if (view.TicketId is { } ticketId)
            body.Add(new ActionSet([Buttons.Run(context, context["message.showTicket"], new ShowTicket(ticketId))]));
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(context.Texts.LanguageCode, $"{view.Title}: {view.Text}", body));
    }

    private static TextColor ColorOf(MessageTone tone) => tone switch
    {
        MessageTone.Success => TextColor.Good,
        MessageTone.Warning => TextColor.Warning,
        MessageTone.Error => TextColor.Attention,
        _ => TextColor.Default,
    };
}

/// <summary>The messages the action handlers answer with most, in the reader's language.</summary>
public static class Messages
{
    /// <summary>A click on a card older than the ticket, or an action the contract cannot read.</summary>
    public static MessageView OutOfDate(Texts texts, TicketNumber? number = null, Guid? ticketId = null) => number is { } n
        ? new(texts["message.outOfDate"], texts.Format("message.outOfDateTicket", ("number", n.ToString())), MessageTone.Warning, ticketId)
        : new(texts["message.outOfDate"], texts["message.outOfDateText"], MessageTone.Warning);

    public static MessageView AlreadyClaimed(Texts texts, TicketNumber number, string ownerName, Guid? ticketId = null) =>
        new(texts["message.alreadyClaimed"], texts.Format("message.alreadyClaimedText", ("number", number.ToString()), ("name", ownerName)),
            MessageTone.Warning, ticketId);

    public static MessageView NotAllowed(Texts texts) =>
        new(texts["message.notAllowed"], texts["message.notAllowedText"], MessageTone.Error);

    public static MessageView TicketNotFound(Texts texts, string number) =>
        new(texts["message.notFound"], texts.Format("message.notFoundText", ("number", number)), MessageTone.Error);

    public static MessageView Failed(Texts texts) =>
        new(texts["message.failed"], texts["message.failedText"], MessageTone.Error);

    public static MessageView TicketRegistered(Texts texts, TicketNumber number, Guid ticketId) =>
        new(texts["message.registered"], texts.Format("message.registeredText", ("number", number.ToString())), MessageTone.Success, ticketId);

    public static MessageView Done(Texts texts, string text) => new(texts["message.done"], text, MessageTone.Success);
}
