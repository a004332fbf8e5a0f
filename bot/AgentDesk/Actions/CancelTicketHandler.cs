using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>The requester cancels before work starts; the agents' card shows it and its thread says so.</summary>
internal sealed class CancelTicketHandler(TicketDesk desk, TicketCards cards) : ICardActionHandler<CancelTicket>
{
    public Task<CardActionOutcome> HandleAsync(CancelTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Requester, step =>
        {
            var ticket = step.Ticket;
            var reason = action.Reason?.Trim() ?? "";
            ticket.Cancel(reason, step.Actor.Ref, step.Now);
            step.Then(_ => cards.PostInThreadAsync(ticket, c => MessageCard.Render(new MessageView(
                c.Texts.Format("notice.requesterCancelled.title", ("requester", ticket.Requester.DisplayName), ("number", ticket.Number.ToString())),
                string.IsNullOrWhiteSpace(reason) ? "—" : reason), c), ct));
            return Task.CompletedTask;
        }, ct);
}
