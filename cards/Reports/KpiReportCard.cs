using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Reports;

public enum KpiReportCadence { Daily, Weekly }

/// <param name="Previous">The period before, for the arrows.</param>
public sealed record KpiReportView(KpiReportCadence Cadence, KpiReport Current, KpiReport Previous);

/// <summary>
/// The daily or weekly KPI report for the coordinators' channel: the headline numbers with an arrow
/// against the period before, the backlog by level and age, and the busiest hours.
/// </summary>
public static class KpiReportCard
{
    private const int BusiestHoursShown = 3;

    public static JsonObject Render(KpiReportView view, CardContext context)
    {
        var texts = context.Texts;
        var (current, previous) = (view.Current, view.Previous);
        var title = texts.Format(view.Cadence == KpiReportCadence.Daily ? "report.daily.title" : "report.weekly.title",
            ("period", PeriodLabel(texts, current.Period)));

        List<Element> body =
        [
            new TextBlock(title) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(texts.Format("report.comparedWith", ("previous", PeriodLabel(texts, previous.Period)))) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new TextBlock(texts["report.glance"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            new FactSet(Glance(texts, current, previous)) { Spacing = Spacing.Small },
            new TextBlock(texts.Format("report.backlog", ("total", ReportNumbers.Count(texts, current.Backlog.Total)))) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            new ColumnSet(
            [
                new Column(
                [
                    new TextBlock(texts["report.backlogByLevel"]) { IsSubtle = true, Size = TextSize.Small },
                    new FactSet(Enum.GetValues<SupportLevel>().Select(level => new Fact(texts.Name(level), ReportNumbers.Count(texts, current.Backlog.ByLevel[level]))).ToList()),
                ]) { Width = "stretch" },
                new Column(
                [
                    new TextBlock(texts["report.backlogByAge"]) { IsSubtle = true, Size = TextSize.Small },
                    new FactSet(Enum.GetValues<BacklogAge>().Select(age => new Fact(texts[$"report.age.{age}"], ReportNumbers.Count(texts, current.Backlog.ByAge[age]))).ToList()),
                ]) { Width = "stretch" },
            ]) { Spacing = Spacing.Small },
            new TextBlock(texts["report.busiestHours"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
        ];
        var busiest = BusiestHours(current.Volume);
        body.Add(busiest.Count == 0
            ? new TextBlock(texts["report.noTickets"]) { IsSubtle = true, Spacing = Spacing.Small }
            : new FactSet(busiest.Select(h => new Fact(
                texts.Format("report.hourSlot", ("from", Hour(h.Hour)), ("to", Hour((h.Hour + 1) % 24))),
                texts.Format("report.hourCount", ("count", ReportNumbers.Count(texts, h.Count))))).ToList()) { Spacing = Spacing.Small });

        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, title, body));
    }

    /// <summary>"lun 16 nov 2026", or "lun 16 nov 2026 – dom 22 nov 2026" for longer periods.</summary>
    public static string PeriodLabel(Texts texts, KpiPeriod period)
    {
        var last = period.End.PlusDays(-1);
        return last == period.Start
            ? DateLabel(texts, period.Start)
            : texts.Format("report.week", ("start", DateLabel(texts, period.Start)), ("end", DateLabel(texts, last)));
    }

    private static string DateLabel(Texts texts, LocalDate date) => texts.Format("report.date",
        ("weekday", texts[$"date.weekday.{date.DayOfWeek}"]),
        ("day", date.Day.ToString(CultureInfo.InvariantCulture)),
        ("month", texts[$"date.month.{date.Month.ToString(CultureInfo.InvariantCulture)}"]),
        ("year", date.Year.ToString(CultureInfo.InvariantCulture)));

    private static List<Fact> Glance(Texts texts, KpiReport current, KpiReport previous)
    {
        string Count(int n) => ReportNumbers.Count(texts, n);
        string Span(TimeSpan t) => texts.Duration(Duration.FromTimeSpan(t));
        string Points(double p) => texts.Format("report.points", ("value", ReportNumbers.Decimal(texts, p)));

        Fact Counted(string key, int now, int before) =>
            new(texts[key], $"{Count(now)}   {ReportNumbers.Change(texts, now - before, d => Count((int)d))}");

        Fact Share(string key, double? now, double? before) => new(texts[key], now is not { } n
            ? texts["report.none"]
            : before is { } b ? $"{ReportNumbers.Percent(texts, n)}   {ReportNumbers.Change(texts, (n - b) * 100, Points, 0.05)}" : ReportNumbers.Percent(texts, n));

        Fact Mean(string key, TimeSpan? now, TimeSpan? before) => new(texts[key], now is not { } n
            ? texts["report.none"]
            : before is { } b
                ? $"{Span(n)}   {ReportNumbers.Change(texts, (n - b).TotalMinutes, m => Span(TimeSpan.FromMinutes(m)), 0.5)}"
                : Span(n));

        var rating = current.Satisfaction.MeanRating is { } r
            ? texts.Format("report.satisfactionValue", ("rating", ReportNumbers.Decimal(texts, r)), ("answered", Count(current.Satisfaction.Answered)))
              + (previous.Satisfaction.MeanRating is { } pr ? $"   {ReportNumbers.Change(texts, r - pr, d => ReportNumbers.Decimal(texts, d), 0.05)}" : "")
            : texts["report.none"];

        return
        [
            Counted("report.created", current.Volume.Total, previous.Volume.Total),
            Counted("report.resolved", current.ResolvedCount, previous.ResolvedCount),
            Share("report.firstLevel", current.ResolvedAtFirstLevel.Share, previous.ResolvedAtFirstLevel.Share),
            Mean("report.timeToResolve", current.TimeToResolve.Overall.Mean, previous.TimeToResolve.Overall.Mean),
            Share("report.sla", current.SlaCompliance.Met.Share, previous.SlaCompliance.Met.Share),
            new Fact(texts["report.satisfaction"], rating),
            Share("report.responseRate", current.Satisfaction.ResponseRate.Share, previous.Satisfaction.ResponseRate.Share),
            Mean("report.timeToClose", current.TimeToClose.Overall.Mean, previous.TimeToClose.Overall.Mean),
            Mean("report.handleTime", current.HandleTime.Mean, previous.HandleTime.Mean),
            Mean("report.timeToEscalate", current.TimeToEscalate.Overall.Mean, previous.TimeToEscalate.Overall.Mean),
        ];
    }

    /// <summary>Hours of the day by tickets created, whatever the weekday; the earlier hour first on a tie.</summary>
    public static IReadOnlyList<(int Hour, int Count)> BusiestHours(Volume volume) => volume.ByWeekdayHour
        .GroupBy(cell => cell.Key.Hour)
        .Select(g => (Hour: g.Key, Count: g.Sum(cell => cell.Value)))
        .Where(h => h.Count > 0)
        .OrderByDescending(h => h.Count).ThenBy(h => h.Hour)
        .Take(BusiestHoursShown)
        .ToList();

    private static string Hour(int hour) => $"{hour:00}:00";
}
