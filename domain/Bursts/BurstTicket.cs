using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Bursts;

/// <summary>What burst detection reads of a ticket: enough to compare it and to show it on the card, without its event log.</summary>
public sealed record BurstTicket(
    Guid Id,
    TicketNumber Number,
    string Title,
    string Description,
    string? ServiceKey,
    string? CategoryKey,
    string RequesterName,
    Priority Priority,
    TicketStatus Status,
    DateTimeOffset CreatedAt)
{
    public static BurstTicket Of(Ticket ticket) =>
        new(ticket.Id, ticket.Number, ticket.Title, ticket.Description, ticket.ServiceKey, ticket.CategoryKey,
            ticket.Requester.DisplayName, ticket.Priority, ticket.Status, ticket.CreatedAt);

    /// <summary>The one the card proposes as the major incident: the highest priority, then the earliest.</summary>
    public static BurstTicket Suggested(IEnumerable<BurstTicket> tickets) =>
        tickets.OrderBy(t => t.Priority).ThenBy(t => t.CreatedAt).ThenBy(t => t.Number.Sequence).First();
}
