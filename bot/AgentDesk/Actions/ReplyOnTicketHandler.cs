using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>The requester's answer or comment: into the ticket's log and the thread of its card in the triage channel.</summary>
internal sealed class ReplyOnTicketHandler(TicketDesk desk, TicketCards cards) : ICardActionHandler<ReplyOnTicket>
{
    public Task<CardActionOutcome> HandleAsync(ReplyOnTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Requester, step =>
        {
            var ticket = step.Ticket;
            ticket.RecordRequesterReply(action.Text, step.Now);
            step.Then(_ => cards.PostInThreadAsync(ticket, c => MessageCard.Render(new MessageView(
                c.Texts.Format("notice.requesterReplied.title", ("requester", ticket.Requester.DisplayName), ("number", ticket.Number.ToString())),
                action.Text.Trim()), c), ct));
            return Task.CompletedTask;
        }, ct, additive: true);
}
