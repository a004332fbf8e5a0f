using NodaTime;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Reports;

// GET /api/kpis in JSON (camelCase): every KPI of design.md §2. Durations in seconds; a share is null
// when there is nothing to divide by, a mean or median when there is nothing to average.

public sealed record KpiAnswer(
    string From,
    string To,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Resolved,
    RatioAnswer ResolvedAtFirstLevel,
    BreakdownAnswer TimeToResolve,
    BreakdownAnswer TimeToClose,
    VolumeAnswer Volume,
    DurationAnswer HandleTime,
    BreakdownAnswer TimeToEscalate,
    SlaComplianceAnswer SlaCompliance,
    BacklogAnswer Backlog,
    SatisfactionAnswer Satisfaction)
{
    public static KpiAnswer Of(KpiReport report)
    {
        var period = report.Period;
        return new KpiAnswer(
            period.Start.ToString("uuuu-MM-dd", null),
            period.End.PlusDays(-1).ToString("uuuu-MM-dd", null),
            period.Zone.Id,
            period.StartsAt,
            period.EndsAt,
            report.ResolvedCount,
            RatioAnswer.From(report.ResolvedAtFirstLevel),
            BreakdownAnswer.From(report.TimeToResolve),
            BreakdownAnswer.From(report.TimeToClose),
            VolumeAnswer.From(report.Volume),
            DurationAnswer.From(report.HandleTime),
            BreakdownAnswer.From(report.TimeToEscalate),
            new SlaComplianceAnswer(report.SlaCompliance.Met.Numerator, report.SlaCompliance.Met.Denominator, report.SlaCompliance.Met.Share,
                report.SlaCompliance.WithoutDue),
            BacklogAnswer.From(report.Backlog),
            new SatisfactionAnswer(report.Satisfaction.Answered, report.Satisfaction.MeanRating, RatioAnswer.From(report.Satisfaction.ResponseRate)));
    }
}

public sealed record RatioAnswer(int Count, int Of, double? Share)
{
    public static RatioAnswer From(Ratio ratio) => new(ratio.Numerator, ratio.Denominator, ratio.Share);
}

public sealed record DurationAnswer(int Count, double? MeanSeconds, double? MedianSeconds)
{
    public static DurationAnswer From(DurationStats stats) => new(stats.Count, stats.Mean?.TotalSeconds, stats.Median?.TotalSeconds);
}

public sealed record PerLevel<T>(T L1, T L2, T L3);

/// <param name="ByLevel">Time to resolve and close: the level that resolved; time to escalate: the first escalation's target.</param>
public sealed record BreakdownAnswer(DurationAnswer Overall, PerLevel<DurationAnswer> ByLevel)
{
    public static BreakdownAnswer From(DurationBreakdown breakdown) => new(DurationAnswer.From(breakdown.Overall), new(
        DurationAnswer.From(breakdown.ByLevel[SupportLevel.L1]),
        DurationAnswer.From(breakdown.ByLevel[SupportLevel.L2]),
        DurationAnswer.From(breakdown.ByLevel[SupportLevel.L3])));
}

public sealed record DateCount(string Date, int Count);

public sealed record WeekdayHourCount(string Weekday, int Hour, int Count);

/// <param name="ByDate">Every local date of the window, zero days too.</param>
/// <param name="ByHour">24 counts, one per local hour of the day, whatever the weekday.</param>
/// <param name="ByWeekdayHour">Only the cells that have tickets, Monday first.</param>
public sealed record VolumeAnswer(int Total, IReadOnlyList<DateCount> ByDate, IReadOnlyList<int> ByHour, IReadOnlyList<WeekdayHourCount> ByWeekdayHour)
{
    public static VolumeAnswer From(Volume volume)
    {
        var byHour = new int[24];
        foreach (var (cell, count) in volume.ByWeekdayHour) byHour[cell.Hour] += count;
        return new VolumeAnswer(
            volume.Total,
            volume.ByDate.Select(d => new DateCount(d.Key.ToString("uuuu-MM-dd", null), d.Value)).ToList(),
            byHour,
            volume.ByWeekdayHour.OrderBy(c => c.Key.Weekday).ThenBy(c => c.Key.Hour)
                .Select(c => new WeekdayHourCount(c.Key.Weekday.ToString(), c.Key.Hour, c.Value)).ToList());
    }
}

/// <param name="WithoutDue">Resolved tickets whose due could not be computed (their calendar is gone): left out of met and resolved.</param>
public sealed record SlaComplianceAnswer(int Met, int Resolved, double? Share, int WithoutDue);

public sealed record BacklogByAge(int UnderOneDay, int OneToThreeDays, int ThreeToSevenDays, int SevenDaysOrMore);

public sealed record BacklogAnswer(int Total, PerLevel<int> ByLevel, BacklogByAge ByAge)
{
    public static BacklogAnswer From(Backlog backlog) => new(
        backlog.Total,
        new(backlog.ByLevel[SupportLevel.L1], backlog.ByLevel[SupportLevel.L2], backlog.ByLevel[SupportLevel.L3]),
        new(backlog.ByAge[BacklogAge.UnderOneDay], backlog.ByAge[BacklogAge.OneToThreeDays], backlog.ByAge[BacklogAge.ThreeToSevenDays],
            backlog.ByAge[BacklogAge.SevenDaysOrMore]));
}

/// <param name="ResponseRate">Surveys sent in the window that have an answer (given at any time), over surveys sent in it.</param>
public sealed record SatisfactionAnswer(int Answered, double? MeanRating, RatioAnswer ResponseRate);
