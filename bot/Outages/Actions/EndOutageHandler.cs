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
    public Task<CardActionOutcome> HandleAsync(EndOutage action, TurnContext context, CancellationToken ct) =>
        OutageActionAnswers.WithOutageAsync(context, action.OutageId, authorization.CoordinatorAsync, outages, desk,
            (outage, actor) => desk.EndAsync(outage, action.Text, actor.Ref, ct), ct);
}
