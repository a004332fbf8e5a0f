using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// Teams' up-to-date view (and "refresh card"): the ticket as it is now, for who may see it: the agents'
/// card for the desk, the requester's for the requester. A card left behind by an escalation stays the
/// "moved to" card.
/// </summary>
internal sealed class RefreshTicketHandler(ITicketRepository tickets, DeskAuthorization authorization, TicketCards cards, TicketAddresses addresses)
    : ICardActionHandler<RefreshTicket>
{
    public async Task<CardActionOutcome> HandleAsync(RefreshTicket action, TurnContext context, CancellationToken ct)
    {
        var ticket = await tickets.FindAsync(action.TicketId, ct);
        if (ticket is null) return new CardActionOutcome.Notice(DeskTexts.NotFound(context.Texts, action.TicketId.ToString()));
        // The agents' card is for the group (and the auditors who approve its closures), as its buttons are.
        var decision = action.Audience == TicketCardAudience.Requester
            ? await authorization.RequesterAsync(context, ticket, ct)
            : await authorization.AgentAsync(context, ticket, ct);
        if (!decision.Allowed && action.Audience == TicketCardAudience.Agent && await authorization.AuditorAsync(context, ticket, ct) is { Allowed: true } auditor)
            decision = auditor;
        if (decision.Refusal is { } refusal)
            return new CardActionOutcome.Notice(DeskTexts.Refused(context.Texts, refusal, ticket.Number.ToString(), ticket.Group));

        var view = await cards.ViewAsync(ticket, ct);
        if (action.Audience == TicketCardAudience.Requester) return new CardActionOutcome.RefreshedCard(cards.RequesterCard(view, context.Cards));
        if (context.Conversation.Type == ConversationType.Channel && ticket.Escalations.LastOrDefault() is { } escalation
            && await addresses.TriageChannelAsync(ticket.Group, ct) is { } current && current.Channel.ReferenceKey != context.Conversation.Key)
            return new CardActionOutcome.RefreshedCard(MovedTicketCard.Render(view, escalation, context.Cards));
        return new CardActionOutcome.RefreshedCard(cards.AgentCard(view, context.Cards));
    }
}
