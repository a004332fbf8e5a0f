using System.Text.Json.Nodes;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.FollowUp;

/// <summary>The requester's own tickets, as they see them: the list with where each stands, and each one's card.</summary>
internal sealed class RequesterTickets(ITicketRepository tickets, TicketViews views)
{
    // More than the card lists, so it can say how many older ones there are.
    private const int Fetched = 50;

    public async Task<JsonObject> ListAsync(TurnContext context, CancellationToken ct)
    {
        var key = Requesters.Of(context).Key;
        var mine = await tickets.QueryAsync(new TicketQuery(RequesterKey: key, Take: Fetched), ct);
        var summaries = new List<TicketSummary>(mine.Count);
        foreach (var ticket in mine)
            summaries.Add(TicketSummary.From(ticket, ticket.Status.IsOpen() ? await views.SlaStateAsync(ticket, context.Now, ct) : null));
        return MyTicketsCard.Render(summaries, context.Cards);
    }

    /// <summary>The ticket when this person reported it; null for someone else's (employees see only their own).</summary>
    public async Task<Ticket?> FindOwnAsync(TurnContext context, TicketNumber number, CancellationToken ct) =>
        await tickets.FindByNumberAsync(number, ct) is { } ticket && Requesters.Reported(context, ticket) ? ticket : null;

    public async Task<JsonObject> CardAsync(TurnContext context, Ticket ticket, CancellationToken ct) =>
        RequesterTicketCard.Render(await views.ForAsync(ticket, context.Now, ct), context.Cards);
}
