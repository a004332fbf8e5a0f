using ServiceDesk.Bot.Turns;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.FollowUp;

/// <summary>An agent's question the requester has not answered yet, on one of their open tickets.</summary>
internal sealed record PendingQuestion(Ticket Ticket, TicketEvent Question);

internal sealed class PendingQuestions(ITicketRepository tickets)
{
    private const int OpenTicketsLooked = 20;

    /// <summary>The most recent unanswered question; null when the desk is waiting for nothing from them.</summary>
    public async Task<PendingQuestion?> LatestAsync(TurnContext context, CancellationToken ct)
    {
        var open = await tickets.QueryAsync(new TicketQuery(RequesterKey: Requesters.Of(context).Key, OpenOnly: true, Take: OpenTicketsLooked), ct);
        return open
            .Select(t => (Ticket: t, Last: t.Events.LastOrDefault(e => e.Type is TicketEventType.QuestionToRequester or TicketEventType.RequesterReplied)))
            .Where(x => x.Last is { Type: TicketEventType.QuestionToRequester })
            .OrderByDescending(x => x.Last!.At)
            .Select(x => new PendingQuestion(x.Ticket, x.Last!))
            .FirstOrDefault();
    }
}
