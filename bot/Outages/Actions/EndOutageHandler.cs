using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Bot.Outages.Actions;

/// <summary>The end, from the progress card: every notice says it is over (a scheduled one is called off). Coordinators only.</summary>
internal sealed class EndOutageHandler(DeskAuthorization authorization, OutageDesk desk, IOutageRepository outages)
    : ICardActionHandler<EndOutage>
{
    public async Task<CardActionOutcome> HandleAsync(EndOutage action, TurnContext context, CancellationToken ct)
    {
        var decision = await authorization.CoordinatorAsync(context, ct);
        if (decision.Refusal is { } refusal) return OutageActionAnswers.Refused(context, refusal);
        if (await outages.FindAsync(action.OutageId, ct) is not { } outage) return OutageActionAnswers.NotFound(context);
        try
        {
            await desk.EndAsync(outage, action.Text, decision.Actor.Ref, ct);
        }
        catch (OutageRefusedException refused)
        {
            return OutageActionAnswers.Explain(context, refused);
        }
        return await OutageActionAnswers.ProgressCardAsync(desk, outage, context, ct);
    }
}
