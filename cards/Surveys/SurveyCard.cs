using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Surveys;

/// <param name="TicketVersion">For "not fixed → reopen", which is a versioned ticket action.</param>
public sealed record SurveyView(Guid SurveyId, Guid TicketId, int TicketVersion, TicketNumber Number, string Title);

/// <summary>The satisfaction survey the requester gets after a resolution, with a way back in when it is not fixed.</summary>
public static class SurveyCard
{
    public static JsonObject Render(SurveyView view, CardContext context)
    {
        var texts = context.Texts;
        var question = texts.Format("survey.question", ("number", view.Number.ToString()), ("title", view.Title));
        // One tap per rating: a required choice on the card would also block "not fixed" below,
        // since a form in a ShowCard validates the inputs of the card around it.
        var ratings = Enumerable.Range(1, 5)
            .Select(r => Buttons.Submit(context, new string('★', r), new AnswerSurvey(view.SurveyId, r)) with { Tooltip = context[$"survey.rating.{r}"] })
            .ToArray();
        List<Element> body =
        [
            new TextBlock(context["survey.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(question),
            FormInputs.Text<AnswerSurvey>(context, nameof(AnswerSurvey.Comment), context["survey.comment"], required: false, multiline: true, maxLength: 1000),
            new TextBlock(context["survey.scale"]) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium },
            new ActionSet(ratings) { Spacing = Spacing.Small },
            new ActionSet(
            [
                Buttons.Form(context["survey.notFixed"],
                    [FormInputs.Text<ReopenTicket>(context, nameof(ReopenTicket.Reason), context["requester.reopenReason"], multiline: true)],
                    Buttons.Submit(context, context["requester.reopenSend"], new ReopenTicket(view.TicketId, view.TicketVersion, ""), null, nameof(ReopenTicket.Reason))),
            ]),
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, question, body));
    }
}
