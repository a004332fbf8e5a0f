using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;

namespace ServiceDesk.Cards.Knowledge;

/// <param name="Snippet">The passage that matched what the person wrote.</param>
/// <param name="SourceTicket">The ticket whose resolution this is (e.g. INC-000031), for answers taken from tickets.</param>
public sealed record KnowledgeAnswer(Guid ArticleId, string Title, string Snippet, string Body, string? SourceTicket = null);

/// <param name="StillNeedHelp">The ticket "I still need help" registers: what the person wrote and what the desk proposed.</param>
public sealed record DeflectionView(IReadOnlyList<KnowledgeAnswer> Answers, SubmitIntake StillNeedHelp);

/// <summary>
/// The best known answers before a ticket: each with "this solved it" (no ticket) and the whole
/// answer behind "read", and one "I still need help" that registers the ticket with what the person
/// already wrote, so they never type it twice.
/// </summary>
public static class DeflectionCard
{
    public const int MaxAnswers = 3;

    public static JsonObject Render(DeflectionView view, CardContext context)
    {
        var texts = context.Texts;
        List<Element> body =
        [
            new TextBlock(context["deflection.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(context["deflection.intro"]) { Spacing = Spacing.Small },
        ];
        foreach (var answer in view.Answers.Take(MaxAnswers))
        {
            List<Element> whole = [new TextBlock(answer.Body)];
            if (answer.SourceTicket is { } ticket)
                whole.Add(new TextBlock(texts.Format("deflection.fromTicket", ("number", ticket))) { IsSubtle = true, Size = TextSize.Small });
            body.Add(new Container(
            [
                new TextBlock(answer.Title) { Weight = TextWeight.Bolder },
                new TextBlock(answer.Snippet) { IsSubtle = true, Spacing = Spacing.Small, MaxLines = 4 },
                new ActionSet(
                [
                    Buttons.Run(context, context["deflection.solved"], new DeflectionSolved(answer.ArticleId), ButtonStyle.Positive),
                    new ShowCardAction(context["deflection.read"], AdaptiveCard.Nested(whole)),
                ]),
            ]) { Separator = true, Spacing = Spacing.Medium });
        }
        body.Add(new TextBlock(context["deflection.stillHint"]) { IsSubtle = true, Size = TextSize.Small, Separator = true, Spacing = Spacing.Medium });
        body.Add(new ActionSet([Buttons.Run(context, context["deflection.stillNeedHelp"], view.StillNeedHelp)]));
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, context["deflection.title"], body));
    }
}
