using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Desk;

/// <param name="Sla">The resolution clock's phase now; null when it cannot be evaluated.</param>
public sealed record QueueLine(TicketNumber Number, string Title, Priority Priority, TicketStatus Status, SupportLevel Level, string Group,
    DateTimeOffset CreatedAt, SlaPhase? Sla, string? AssigneeName);

/// <summary>The open tickets by level: the ones in trouble first (breached, at risk), then the oldest.</summary>
public static class QueueCard
{
    public const int MaxPerLevel = 15;

    public static JsonObject Render(IReadOnlyList<QueueLine> tickets, CardContext context)
    {
        var texts = context.Texts;
        List<Element> body = [new TextBlock(context["queue.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium }];
        if (tickets.Count == 0) body.Add(new TextBlock(context["queue.none"]));
        foreach (var level in tickets.GroupBy(t => t.Level).OrderBy(g => g.Key))
        {
            var lines = level.OrderBy(t => Severity(t.Sla)).ThenBy(t => t.CreatedAt).ToList();
            List<Element> items =
            [
                new TextBlock(texts.Format("queue.level", ("level", texts.Name(level.Key)), ("count", lines.Count.ToString(CultureInfo.InvariantCulture))))
                    { Weight = TextWeight.Bolder },
            ];
            items.AddRange(lines.Take(MaxPerLevel).Select(t => Line(context, t)));
            if (lines.Count > MaxPerLevel)
                items.Add(new TextBlock(texts.Format("queue.more", ("count", (lines.Count - MaxPerLevel).ToString(CultureInfo.InvariantCulture))))
                    { IsSubtle = true, Size = TextSize.Small });
            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode,
            texts.Format("queue.fallback", ("count", tickets.Count.ToString(CultureInfo.InvariantCulture))), body));
    }

    private static RichTextBlock Line(CardContext context, QueueLine t)
    {
        var texts = context.Texts;
        List<TextRun> runs =
        [
            new($"{t.Number} ") { Weight = TextWeight.Bolder },
            new(texts.Name(t.Priority)) { Color = TicketHeader.ColorOf(t.Priority) },
            new($" · {texts.Name(t.Status)} · {Age(context, t.CreatedAt)} · {t.Group}"),
        ];
        if (t.Sla is { } phase) runs.Add(new(" · " + texts.Name(phase)) { Weight = TextWeight.Bolder, Color = SlaLines.ColorOf(phase) });
        runs.Add(new($" · {t.Title}" + (t.AssigneeName is { } who ? $" ({who})" : "")) { IsSubtle = true });
        return new RichTextBlock(runs) { Spacing = Spacing.Small };
    }

    // Elapsed wall-clock time since the ticket was opened: what "how long has it waited" means to people.
    private static string Age(CardContext context, DateTimeOffset created)
    {
        var age = context.Now - Instant.FromDateTimeOffset(created);
        if (age < Duration.Zero) age = Duration.Zero;
        return age < Duration.FromDays(1)
            ? context.Texts.Duration(age)
            : context.Texts.Format("queue.ageDays", ("days", ((int)age.TotalDays).ToString(CultureInfo.InvariantCulture)));
    }

    private static int Severity(SlaPhase? phase) => phase switch
    {
        SlaPhase.Breached => 0,
        SlaPhase.Warning => 1,
        SlaPhase.OnTrack => 2,
        SlaPhase.Paused => 3,
        _ => 4,
    };
}
