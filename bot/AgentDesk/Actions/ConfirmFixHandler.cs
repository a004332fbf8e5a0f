using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// The requester's "yes, it's fixed": the ticket closes, unless its group wants an auditor to approve
/// closures (or it still lacks a category): then the confirmation is recorded and the desk is told.
/// </summary>
internal sealed class ConfirmFixHandler(TicketDesk desk, IRosterRepository roster, TicketCards cards) : ICardActionHandler<ConfirmFix>
{
    public Task<CardActionOutcome> HandleAsync(ConfirmFix action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Requester, async step =>
        {
            var ticket = step.Ticket;
            if (ticket.Status != TicketStatus.Resolved) throw new InvalidTransitionException(ticket.Number, ticket.Status, TicketTransition.Close);
            var group = await roster.FindGroupAsync(ticket.Group, ct);
            if (group is { RequiresClosureApproval: false } && ticket.CategoryKey is not null)
            {
                ticket.Close(step.Actor.Ref, step.Now);
                return;
            }
            // What the requester clicked, in their words, is what the log keeps.
            ticket.RecordRequesterReply(Texts.For(ticket.Requester.Locale, context.Texts.LanguageCode)["requester.confirmFix"], step.Now);
            if (group is { RequiresClosureApproval: true })
                step.TellRequester(texts => new MessageView(texts["notice.confirmed.title"],
                    texts.Format("notice.confirmed.text", ("number", ticket.Number.ToString())), MessageTone.Success));
            step.Then(_ => cards.PostInThreadAsync(ticket, c => MessageCard.Render(new MessageView(
                c.Texts.Format("notice.requesterConfirmed.title", ("requester", ticket.Requester.DisplayName), ("number", ticket.Number.ToString())),
                c.Texts["notice.requesterConfirmed.text"], MessageTone.Success), c), ct));
        }, ct);
}
