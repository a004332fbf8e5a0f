using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Resume": back to InProgress, the clock runs again.</summary>
internal sealed class ResumeTicketHandler(TicketDesk desk) : ICardActionHandler<ResumeTicket>
{
    public Task<CardActionOutcome> HandleAsync(ResumeTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, step =>
        {
            step.Ticket.Resume(step.Actor.Ref, step.Now);
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.resumed.title", ("number", step.Ticket.Number.ToString())),
                texts.Format("notice.resumed.text", ("agent", step.Actor.Ref.DisplayName), ("title", step.Ticket.Title))));
            return Task.CompletedTask;
        }, ct);
}
