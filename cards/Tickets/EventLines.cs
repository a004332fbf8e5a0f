using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>"lun 16 nov, 10:00 · Ana Ruiz: lo escaló a Nivel 2 (redes): sin acceso al router".</summary>
internal static class EventLines
{
    private const int MaxDetail = 140;

    public static Container? For(CardContext context, TicketView ticket)
    {
        if (ticket.RecentEvents.Count == 0) return null;
        List<Element> items = [new TextBlock(context["ticket.recent"]) { Weight = TextWeight.Bolder, Size = TextSize.Small }];
        items.AddRange(ticket.RecentEvents.Select(e => new TextBlock(Describe(context, e)) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None }));
        return new Container(items) { Separator = true };
    }

    public static string Describe(CardContext context, TicketEvent e)
    {
        var texts = context.Texts;
        var what = texts.Format(Localization.Texts.KeyOf(e.Type),
            ("level", e.ToLevel is { } level ? texts.Name(level) : ""),
            ("group", e.Group ?? ""));
        var detail = Detail(context, e);
        var line = $"{context.When(e.At)} · {e.Actor.DisplayName}: {what}";
        return string.IsNullOrWhiteSpace(detail) ? line : $"{line}: {Shorten(detail.Trim())}";
    }

    // Most details are people's words; the few the domain writes in English are translated here.
    private static string? Detail(CardContext context, TicketEvent e)
    {
        var texts = context.Texts;
        switch (e.Type)
        {
            case TicketEventType.Resolved when e.Text is { } text:
                var colon = text.IndexOf(": ", StringComparison.Ordinal);
                return colon > 0 && Enum.TryParse<ResolutionCode>(text[..colon], out var code) && Enum.IsDefined(code)
                    ? $"{texts.Name(code)}: {text[(colon + 2)..]}"
                    : text;
            case TicketEventType.SlaWarning or TicketEventType.SlaBreached:
                return Enum.TryParse<SlaTarget>(e.Text, out var target) && Enum.IsDefined(target) ? texts.Name(target) : null;
            case TicketEventType.PriorityChanged:
                return e.Text?.Replace("->", " → ", StringComparison.Ordinal);
            default:
                return e.Text;
        }
    }

    private static string Shorten(string text) => text.Length <= MaxDetail ? text : text[..(MaxDetail - 1)].TrimEnd() + "…";
}
