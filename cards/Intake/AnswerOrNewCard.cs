using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Intake;

/// <param name="Version">The ticket's version when the question was asked.</param>
/// <param name="Text">What the person just wrote.</param>
/// <param name="NewKind">What the text reads as, should it be something new.</param>
public sealed record AnswerOrNewView(Guid TicketId, int Version, TicketNumber Number, string AgentName, string Question, string Text, TicketKind NewKind);

/// <summary>
/// The desk waits for the person's answer on a ticket and they wrote something: is it the answer
/// (it goes to the ticket, and to the agent) or something new (it goes to the intake)? Asked rather
/// than guessed: an answer filed as a new ticket, or a new problem buried in an old one, both go unseen.
/// </summary>
public static class AnswerOrNewCard
{
    public static JsonObject Render(AnswerOrNewView view, CardContext context)
    {
        var texts = context.Texts;
        var heading = texts.Format("answer.title", ("number", view.Number.ToString()));
        List<Element> body =
        [
            new TextBlock(heading) { Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading },
            new TextBlock(texts.Format("answer.question", ("agent", view.AgentName), ("question", view.Question.Trim()))) { Spacing = Spacing.Small },
            new TextBlock(texts.Format("answer.yours", ("text", view.Text.Trim()))) { IsSubtle = true, Spacing = Spacing.Small },
            new ActionSet(
            [
                Buttons.Run(context, context["answer.send"], new ReplyOnTicket(view.TicketId, view.Version, view.Text.Trim()), ButtonStyle.Positive),
                Buttons.Run(context, context["answer.new"], new StartIntake(view.NewKind)),
            ]) { Spacing = Spacing.Medium },
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, heading, body));
    }
}
