using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Start work": Assigned → InProgress. The requester already heard who has it.</summary>
internal sealed class StartWorkHandler(TicketDesk desk) : ICardActionHandler<StartWork>
{
    public Task<CardActionOutcome> HandleAsync(StartWork action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, step =>
        {
            step.Ticket.Start(step.Actor.Ref, step.Now);
            return Task.CompletedTask;
        }, ct);
}
