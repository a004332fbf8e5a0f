using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Put on hold": Pending with its reason; the resolution clock stops, and the requester is told why.</summary>
internal sealed class PutOnHoldHandler(TicketDesk desk) : ICardActionHandler<PutOnHold>
{
    public Task<CardActionOutcome> HandleAsync(PutOnHold action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, step =>
        {
            step.Ticket.PutOnHold(action.Reason, step.Actor.Ref, step.Now);
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.pending.title", ("number", step.Ticket.Number.ToString())),
                texts.Format("notice.pending.text", ("reason", action.Reason.Trim().TrimEnd('.')))));
            return Task.CompletedTask;
        }, ct);
}
