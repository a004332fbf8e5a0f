using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Approve closure" (auditors): the resolved ticket closes; closing still needs a category and resolution notes.</summary>
internal sealed class ApproveClosureHandler(TicketDesk desk) : ICardActionHandler<ApproveClosure>
{
    public Task<CardActionOutcome> HandleAsync(ApproveClosure action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Auditor, step =>
        {
            step.Ticket.ApproveClosure(step.Actor.Ref, step.Now);
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.closed.title", ("number", step.Ticket.Number.ToString())), texts["notice.closed.text"], MessageTone.Success));
            return Task.CompletedTask;
        }, ct);
}
