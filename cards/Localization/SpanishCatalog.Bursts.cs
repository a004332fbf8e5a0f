namespace ServiceDesk.Cards.Localization;

internal static partial class SpanishCatalog
{
    private static Dictionary<string, string> Bursts() => new()
    {
        { "burst.heading", "Posible incidencia grave" },
        { "burst.summary", "{count} incidencias de {service} en {duration}" },
        { "burst.service", "Servicio" },
        { "burst.between", "Recibidas" },
        { "burst.span", "de {from} a {to}" },
        { "burst.suggested", "Propuesta como grave" },
        { "burst.tickets", "Incidencias" },
        { "burst.ticketLine", "{requester} · {title} · {when}" },
        { "burst.more", "y {count} más" },
        { "burst.major", "Incidencia grave" },
        { "burst.message", "Mensaje para las personas afectadas" },
        { "burst.defaultMessage", "Estamos trabajando en un problema de {service} que afecta a varias personas." },
        { "burst.declare", "Declarar incidencia grave y avisar" },
        { "burst.dismiss", "No están relacionadas" },
        { "burst.declared", "{by} declaró incidencia grave {number} ({when}): {count} personas avisadas." },
        { "burst.linkedLater", "{count} incidencias posteriores enlazadas automáticamente." },
        { "burst.ended", "{number} ya no está abierta: las nuevas incidencias no se enlazan." },
        { "burst.dismissed", "{by} indicó que no están relacionadas ({when})." },
        { "burst.notice.title", "{number} forma parte de la incidencia grave {major}" },
        { "burst.notice.text", "{message} Te iremos informando aquí." },
        { "burst.notFound", "Esta propuesta ya no existe." },
        { "burst.majorNotOpen", "{number} ya no está abierta y no puede ser la incidencia grave; elige otra." },
        // The ticket's log line for Ticket.LinkToMajorIncident (bursts and "I'm affected" alike).
        { "event.LinkedToMajorIncident", "lo enlazó a una incidencia grave" },
    };
}
