using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Comment": an internal note for the desk, or, when ticked, a message the requester gets in their chat.</summary>
internal sealed class CommentOnTicketHandler(TicketDesk desk) : ICardActionHandler<CommentOnTicket>
{
    public Task<CardActionOutcome> HandleAsync(CommentOnTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, step =>
        {
            if (!action.ToRequester)
            {
                step.Ticket.AddInternalNote(step.Actor.Ref, action.Text, step.Now);
                return Task.CompletedTask;
            }
            step.Ticket.MessageRequester(step.Actor.Ref, action.Text, step.Now);
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.message.title", ("agent", step.Actor.Ref.DisplayName), ("number", step.Ticket.Number.ToString())),
                action.Text.Trim()));
            return Task.CompletedTask;
        }, ct, additive: true);
}
