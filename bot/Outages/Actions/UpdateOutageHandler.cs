using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Bot.Outages.Actions;

/// <summary>An update from the progress card: every notice is edited to show it. Coordinators only.</summary>
internal sealed class UpdateOutageHandler(DeskAuthorization authorization, OutageDesk desk, IOutageRepository outages)
    : ICardActionHandler<UpdateOutage>
{
    public async Task<CardActionOutcome> HandleAsync(UpdateOutage action, TurnContext context, CancellationToken ct)
    {
        var decision = await authorization.CoordinatorAsync(context, ct);
        if (decision.Refusal is { } refusal) return OutageActionAnswers.Refused(context, refusal);
        if (await outages.FindAsync(action.OutageId, ct) is not { } outage) return OutageActionAnswers.NotFound(context);
        try
        {
            await desk.UpdateAsync(outage, action.Text, decision.Actor.Ref, ct);
        }
        catch (OutageRefusedException refused)
        {
            return OutageActionAnswers.Explain(context, refused);
        }
        return await OutageActionAnswers.ProgressCardAsync(desk, outage, context, ct);
    }
}
