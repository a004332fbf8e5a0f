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
    /// <summary>
    /// An action on an existing outage from the progress card (a change, or none to redraw it): allowed to <paramref name="allowed"/> (from the roster),
    /// answered with the card as it is after the change, or with why it was refused.
    /// </summary>
    public static async Task<CardActionOutcome> WithOutageAsync(TurnContext context, Guid outageId, Func<TurnContext, CancellationToken, Task<DeskDecision>> allowed,
        IOutageRepository outages, OutageDesk desk, Func<Outage, DeskActor, Task> change, CancellationToken ct)
    {
        var decision = await allowed(context, ct);
        if (decision.Refusal is { } refusal) return Refused(context, refusal);
        if (await outages.FindAsync(outageId, ct) is not { } outage) return NotFound(context);
        try
        {
            await change(outage, decision.Actor);
        }
        catch (OutageRefusedException refused)
        {
            return Explain(context, refused);
        }
        return await ProgressCardAsync(desk, outage, context, ct);
    }

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
