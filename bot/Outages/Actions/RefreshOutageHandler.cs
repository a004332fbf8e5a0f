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
    public Task<CardActionOutcome> HandleAsync(RefreshOutage action, TurnContext context, CancellationToken ct) =>
        OutageActionAnswers.WithOutageAsync(context, action.OutageId, authorization.DeskMemberAsync, outages, desk, (_, _) => Task.CompletedTask, ct);
}
