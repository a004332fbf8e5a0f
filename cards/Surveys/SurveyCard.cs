using System.Globalization;
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
        var ratings = Enumerable.Range(1, 5).Reverse()
            .Select(r => new Choice($"{new string('★', r)}{new string('☆', 5 - r)} {context[$"survey.rating.{r}"]}", r.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        List<Element> body =
        [
            new TextBlock(context["survey.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(question),
            FormInputs.Choices<AnswerSurvey>(context, nameof(AnswerSurvey.Rating), context["survey.rating"], ratings, expanded: true),
            FormInputs.Text<AnswerSurvey>(context, nameof(AnswerSurvey.Comment), context["survey.comment"], required: false, multiline: true, maxLength: 1000),
            new ActionSet(
            [
                Buttons.Submit(context, context["survey.send"], new AnswerSurvey(view.SurveyId, 0), ButtonStyle.Positive, nameof(AnswerSurvey.Rating)),
                Buttons.Form(context["survey.notFixed"],
                    [FormInputs.Text<ReopenTicket>(context, nameof(ReopenTicket.Reason), context["requester.reopenReason"], multiline: true)],
                    Buttons.Submit(context, context["requester.reopenSend"], new ReopenTicket(view.TicketId, view.TicketVersion, ""), null, nameof(ReopenTicket.Reason))),
            ]) { Spacing = Spacing.Medium },
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, question, body));
    }
}
