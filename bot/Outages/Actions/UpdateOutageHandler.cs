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
    public Task<CardActionOutcome> HandleAsync(UpdateOutage action, TurnContext context, CancellationToken ct) =>
        OutageActionAnswers.WithOutageAsync(context, action.OutageId, authorization.CoordinatorAsync, outages, desk,
            (outage, actor) => desk.UpdateAsync(outage, action.Text, actor.Ref, ct), ct);
}
