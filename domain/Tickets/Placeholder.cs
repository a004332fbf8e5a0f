namespace ServiceDesk.Domain.Tickets;
