using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.FollowUp;

/// <summary>"My tickets": the clicked card becomes the list.</summary>
internal sealed class ShowMyTicketsHandler(RequesterTickets tickets) : ICardActionHandler<ShowMyTickets>
{
    public async Task<CardActionOutcome> HandleAsync(ShowMyTickets action, TurnContext context, CancellationToken ct) =>
        new CardActionOutcome.RefreshedCard(await tickets.ListAsync(context, ct));
}

/// <summary>
/// "Show" on a line of the list or on a notice: the clicked card becomes the ticket's card as the clicker
/// may see it: the requester's own, or the agents' for the desk (SLA notices carry the button too).
/// </summary>
internal sealed class ShowTicketHandler(ITicketRepository tickets, DeskAuthorization authorization, TicketCards cards) : ICardActionHandler<ShowTicket>
{
    public async Task<CardActionOutcome> HandleAsync(ShowTicket action, TurnContext context, CancellationToken ct)
    {
        var ticket = await tickets.FindAsync(action.TicketId, ct);
        if (ticket is not null && Requesters.Reported(context, ticket))
            return new CardActionOutcome.RefreshedCard(cards.RequesterCard(await cards.ViewAsync(ticket, ct), context.Cards));
        if (ticket is not null && (await authorization.DeskMemberAsync(context, ct)).Allowed)
            return new CardActionOutcome.RefreshedCard(cards.AgentCard(await cards.ViewAsync(ticket, ct), context.Cards));
        // Someone else's ticket reads like one that does not exist: employees see only their own.
        var notFound = Messages.TicketNotFound(context.Texts, ticket?.Number.ToString() ?? "");
        return new CardActionOutcome.Notice(ticket is null ? $"{notFound.Title}." : $"{notFound.Title}. {notFound.Text}");
    }
}
