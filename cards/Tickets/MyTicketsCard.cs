using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Welcome;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>One line of "my tickets".</summary>
public sealed record TicketSummary(Guid Id, TicketNumber Number, string Title, TicketStatus Status, Priority Priority, DateTimeOffset CreatedAt)
{
    /// <summary>The resolution clock at render time, shown for open tickets; null shows none.</summary>
    public SlaState? Sla { get; init; }

    public static TicketSummary From(Ticket ticket, SlaState? sla = null) =>
        new(ticket.Id, ticket.Number, ticket.Title, ticket.Status, ticket.Priority, ticket.CreatedAt) { Sla = sla };
}

/// <summary>The requester's tickets, newest first, each with a button to open its card.</summary>
public static class MyTicketsCard
{
    public const int MaxShown = 10;

    public static JsonObject Render(IReadOnlyList<TicketSummary> tickets, CardContext context)
    {
        var texts = context.Texts;
        List<Element> body = [new TextBlock(context["myTickets.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium }];
        if (tickets.Count == 0)
        {
            body.Add(new TextBlock(context["myTickets.none"]));
            body.Add(StartCard.Choices(context));
        }
        foreach (var ticket in tickets.OrderByDescending(t => t.CreatedAt).Take(MaxShown))
        {
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock($"{ticket.Number} · {ticket.Title}") { Weight = TextWeight.Bolder, MaxLines = 2 },
                    new TextBlock($"{texts.Name(ticket.Status)} · {texts.Name(ticket.Priority)} · {context.When(ticket.CreatedAt)}")
                        { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
                    .. SlaLine(context, ticket),
                ]) { Width = "stretch" },
                new Column([new ActionSet([Buttons.Run(context, context["myTickets.open"], new ShowTicket(ticket.Id))])])
                    { Width = "auto", VerticalContentAlignment = VerticalAlignment.Center },
            ]) { Separator = true });
        }
        if (tickets.Count > MaxShown)
            body.Add(new TextBlock(texts.Format("myTickets.more", ("count", (tickets.Count - MaxShown).ToString(System.Globalization.CultureInfo.InvariantCulture))))
                { IsSubtle = true, Size = TextSize.Small });
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, context["myTickets.title"], body));
    }

    // Where the resolution clock stands, in the requester's words: on track until a date, paused, or late.
    private static IEnumerable<Element> SlaLine(CardContext context, TicketSummary ticket)
    {
        if (ticket.Sla is not { } sla || !ticket.Status.IsOpen()) yield break;
        var texts = context.Texts;
        var detail = sla.Phase switch
        {
            SlaPhase.Paused => context["requester.targetPaused"],
            SlaPhase.Breached => texts.Format("requester.targetLate", ("due", context.When(sla.ResolutionDue))),
            _ => texts.Format("myTickets.due", ("due", context.When(sla.ResolutionDue))),
        };
        yield return new RichTextBlock(
        [
            new TextRun(texts.Name(sla.Phase)) { Weight = TextWeight.Bolder, Color = SlaLines.ColorOf(sla.Phase), Size = TextSize.Small },
            new TextRun(" · " + detail) { Size = TextSize.Small },
        ]) { Spacing = Spacing.None };
    }
}
