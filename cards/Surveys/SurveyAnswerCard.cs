using System.Globalization;
using System.Text.Json.Nodes;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Surveys;

/// <param name="Closed">The answer closed the ticket (the requester accepted the fix).</param>
/// <param name="AlreadyAnswered">The click came after an earlier answer, which is what the card shows.</param>
public sealed record SurveyAnswerView(TicketNumber Number, int Rating, string? Comment, bool Closed, bool AlreadyAnswered);

/// <summary>What the survey card turns into once answered: the rating the requester gave, in their language.</summary>
public static class SurveyAnswerCard
{
    public static JsonObject Render(SurveyAnswerView view, CardContext context)
    {
        var texts = context.Texts;
        var number = view.Number.ToString();
        var stars = new string('★', view.Rating);
        var rating = texts[$"survey.rating.{view.Rating.ToString(CultureInfo.InvariantCulture)}"];
        var title = view.AlreadyAnswered ? texts["survey.already.title"] : texts["survey.thanks.title"];
        var text = view.AlreadyAnswered
            ? texts.Format("survey.already.text", ("number", number), ("stars", stars), ("rating", rating))
            : texts.Format("survey.thanks.text", ("number", number), ("stars", stars), ("rating", rating));
        List<Element> body =
        [
            new TextBlock(title) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = TextColor.Good },
            new TextBlock(text),
        ];
        if (!string.IsNullOrWhiteSpace(view.Comment))
            body.Add(new TextBlock(texts.Format("survey.thanks.comment", ("comment", view.Comment))) { IsSubtle = true, Spacing = Spacing.Small });
        if (view.Closed && !view.AlreadyAnswered)
            body.Add(new TextBlock(texts["survey.thanks.closed"]) { Spacing = Spacing.Medium });
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, $"{title}: {text}", body));
    }
}
