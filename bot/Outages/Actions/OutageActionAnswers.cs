using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Outages;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Bot.Outages.Actions;

/// <summary>The answers the outage verbs share: the coordinator's card as it is now, refusals in the reader's words.</summary>
internal static class OutageActionAnswers
{
    public static async Task<CardActionOutcome> ProgressCardAsync(OutageDesk desk, Outage outage, TurnContext context, CancellationToken ct) =>
        new CardActionOutcome.RefreshedCard(OutageProgressCard.Render(await desk.ProgressAsync(outage, context.Texts.LanguageCode, ct), context.Cards));

    public static CardActionOutcome Refused(TurnContext context, DeskRefusal refusal) =>
        new CardActionOutcome.Notice(DeskTexts.Refused(context.Texts, refusal));

    public static CardActionOutcome NotFound(TurnContext context) => new CardActionOutcome.Notice(context.Texts["outage.notFound"]);

    public static CardActionOutcome Explain(TurnContext context, OutageRefusedException refused) =>
        new CardActionOutcome.Notice($"{context.Texts["outage.invalid.title"]}. {Reason(context.Texts, refused)}");

    public static string Reason(Texts texts, OutageRefusedException refused) => refused.Code switch
    {
        "outage.service" => texts["outage.invalid.service"],
        "outage.title" or "outage.titleLength" => texts["outage.invalid.title.required"],
        "outage.message" or "outage.messageLength" or "outage.updateText" => texts["outage.invalid.message"],
        "outage.departments" => texts["outage.invalid.departments"],
        "outage.startsInPast" => texts["outage.invalid.startsInPast"],
        "outage.notActive" or "outage.ended" => texts["outage.notActive.text"],
        _ => texts.Format("outage.invalid.other", ("reason", refused.Message)),
    };
}
