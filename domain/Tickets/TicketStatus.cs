namespace ServiceDesk.Domain.Tickets;

public enum TicketStatus
{
    New,
    Assigned,
    InProgress,
    Pending,
    Resolved,
    Closed,
    Cancelled,
}

public enum SupportLevel { L1 = 1, L2 = 2, L3 = 3 }

public static class TicketStatusExtensions
{
    public static bool IsOpen(this TicketStatus status) =>
        status is TicketStatus.New or TicketStatus.Assigned or TicketStatus.InProgress or TicketStatus.Pending;

    public static bool IsTerminal(this TicketStatus status) =>
        status is TicketStatus.Closed or TicketStatus.Cancelled;
}
