using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <param name="Version">The ticket's version after the question, so the answer is not taken for a stale click.</param>
public sealed record QuestionView(Guid TicketId, int Version, TicketNumber Number, string Title, string AgentName, string Question);

/// <summary>An agent's question in the requester's chat, with the box to answer it: the answer goes back to the ticket and its channel.</summary>
public static class QuestionCard
{
    public static JsonObject Render(QuestionView view, CardContext context)
    {
        var texts = context.Texts;
        var heading = texts.Format("notice.question.title", ("agent", view.AgentName), ("number", view.Number.ToString()));
        List<Element> body =
        [
            new TextBlock(heading) { Weight = TextWeight.Bolder },
            new TextBlock($"{view.Number} · {view.Title}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new TextBlock(view.Question) { Spacing = Spacing.Small },
            FormInputs.Text<ReplyOnTicket>(context, nameof(ReplyOnTicket.Text), context["requester.replyText"], multiline: true),
            new TextBlock(context["notice.question.hint"]) { IsSubtle = true, Size = TextSize.Small },
            new ActionSet([Buttons.Submit(context, context["requester.replySend"], new ReplyOnTicket(view.TicketId, view.Version, ""), ButtonStyle.Positive,
                nameof(ReplyOnTicket.Text))]),
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, $"{heading}: {view.Question}", body));
    }
}
