using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>Number, kind and title on the left, the priority (coloured by urgency) on the right.</summary>
internal static class TicketHeader
{
    public static ColumnSet For(CardContext context, TicketView ticket)
    {
        List<Element> badges = [new TextBlock(context.Texts.Name(ticket.Priority)) { Weight = TextWeight.Bolder, Color = ColorOf(ticket.Priority) }];
        if (ticket.IsMajor)
            badges.Add(new TextBlock(context["ticket.major"]) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        return new ColumnSet(
        [
            new Column(
            [
                new TextBlock($"{ticket.Number} · {context.Texts.Name(ticket.Kind)}") { IsSubtle = true, Size = TextSize.Small },
                new TextBlock(ticket.Title) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = Spacing.None, Style = TextBlockStyle.Heading },
            ]) { Width = "stretch" },
            new Column(badges) { Width = "auto" },
        ]);
    }

    public static TextColor ColorOf(Priority priority) => priority switch
    {
        Priority.P1 => TextColor.Attention,
        Priority.P2 => TextColor.Warning,
        Priority.P3 => TextColor.Accent,
        _ => TextColor.Default,
    };

    /// <summary>What clients show when they cannot render the card, and what notifications preview.</summary>
    public static string FallbackText(CardContext context, TicketView ticket) =>
        $"{ticket.Number} · {ticket.Title} · {context.Texts.Name(ticket.Status)}";
}
