using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// "Reopen" (Resolved → InProgress, same owner): from the requester's card or survey ("not fixed"), the
/// agents hear it in the card's thread; from the agents' card, the requester hears it in their chat.
/// </summary>
internal sealed class ReopenTicketHandler(TicketDesk desk, TicketCards cards) : ICardActionHandler<ReopenTicket>
{
    public Task<CardActionOutcome> HandleAsync(ReopenTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.RequesterOrAgent, step =>
        {
            var ticket = step.Ticket;
            var reason = action.Reason.Trim();
            ticket.Reopen(reason, step.Actor.Ref, step.Now);
            step.Reopened();
            if (step.Actor.IsRequester)
                step.Then(_ => cards.PostInThreadAsync(ticket, c => MessageCard.Render(new MessageView(
                    c.Texts.Format("notice.requesterReopened.title", ("requester", ticket.Requester.DisplayName), ("number", ticket.Number.ToString())),
                    reason, MessageTone.Warning), c), ct));
            else
                step.TellRequester(texts => new MessageView(
                    texts.Format("notice.reopened.title", ("number", ticket.Number.ToString())),
                    texts.Format("notice.reopened.text", ("agent", step.Actor.Ref.DisplayName), ("reason", reason))));
            return Task.CompletedTask;
        }, ct);
}
