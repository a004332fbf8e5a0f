using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Bot.Outages.Actions;

/// <summary>The progress card as it is now (Teams' refresh when it is shown, or "refresh"): anyone on the desk's roster may look.</summary>
internal sealed class RefreshOutageHandler(DeskAuthorization authorization, OutageDesk desk, IOutageRepository outages)
    : ICardActionHandler<RefreshOutage>
{
    public async Task<CardActionOutcome> HandleAsync(RefreshOutage action, TurnContext context, CancellationToken ct)
    {
        var decision = await authorization.DeskMemberAsync(context, ct);
        if (decision.Refusal is { } refusal) return OutageActionAnswers.Refused(context, refusal);
        if (await outages.FindAsync(action.OutageId, ct) is not { } outage) return OutageActionAnswers.NotFound(context);
        return await OutageActionAnswers.ProgressCardAsync(desk, outage, context, ct);
    }
}
