namespace ServiceDesk.Cards.Localization;

internal static partial class EnglishCatalog
{
    private static Dictionary<string, string> Bursts() => new()
    {
        { "burst.heading", "Possible major incident" },
        { "burst.summary", "{count} tickets about {service} in {duration}" },
        { "burst.service", "Service" },
        { "burst.between", "Received" },
        { "burst.span", "from {from} to {to}" },
        { "burst.suggested", "Suggested major incident" },
        { "burst.tickets", "Tickets" },
        { "burst.ticketLine", "{requester} · {title} · {when}" },
        { "burst.more", "and {count} more" },
        { "burst.major", "Major incident" },
        { "burst.message", "Message to the affected people" },
        { "burst.defaultMessage", "We are working on a {service} problem that affects several people." },
        { "burst.declare", "Declare major incident and notify" },
        { "burst.dismiss", "Not related" },
        { "burst.declared", "{by} declared major incident {number} ({when}): {count} requesters notified." },
        { "burst.linkedLater", "{count} later tickets linked automatically." },
        { "burst.ended", "{number} is no longer open: new tickets are not linked." },
        { "burst.dismissed", "{by} marked them not related ({when})." },
        { "burst.notice.title", "{number} is part of major incident {major}" },
        { "burst.notice.text", "{message} You'll get updates here." },
        { "burst.notFound", "This proposal no longer exists." },
        { "burst.majorNotOpen", "{number} is no longer open and cannot be the major incident; choose another one." },
        // The ticket's log line for Ticket.LinkToMajorIncident (bursts and "I'm affected" alike).
        { "event.LinkedToMajorIncident", "linked it to a major incident" },
    };
}
