using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Reject closure" (auditors): back to InProgress with the reason, which the agents see on the card and the requester in their chat.</summary>
internal sealed class RejectClosureHandler(TicketDesk desk) : ICardActionHandler<RejectClosure>
{
    public Task<CardActionOutcome> HandleAsync(RejectClosure action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Auditor, step =>
        {
            step.Ticket.RejectClosure(action.Reason, step.Actor.Ref, step.Now);
            step.Reopened();
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.closureRejected.title", ("number", step.Ticket.Number.ToString())),
                texts.Format("notice.closureRejected.text", ("reason", action.Reason.Trim()))));
            return Task.CompletedTask;
        }, ct);
}
