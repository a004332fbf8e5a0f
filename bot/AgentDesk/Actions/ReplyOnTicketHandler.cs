using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>The requester's answer or comment from their card: into the ticket's log and the thread of its card in the triage channel.</summary>
internal sealed class ReplyOnTicketHandler(TicketDesk desk, RequesterReplies replies) : ICardActionHandler<ReplyOnTicket>
{
    public Task<CardActionOutcome> HandleAsync(ReplyOnTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Requester, step =>
        {
            step.Ticket.RecordRequesterReply(action.Text, step.Now);
            step.Then(_ => replies.PostInThreadAsync(step.Ticket, action.Text, ct));
            return Task.CompletedTask;
        }, ct, additive: true);
}
