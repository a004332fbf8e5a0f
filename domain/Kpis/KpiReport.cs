using NodaTime;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Kpis;

public sealed record KpiReport(
    KpiPeriod Period,
    int ResolvedCount,
    Ratio ResolvedAtFirstLevel,
    DurationBreakdown TimeToResolve,
    DurationBreakdown TimeToClose,
    Volume Volume,
    DurationStats HandleTime,
    DurationBreakdown TimeToEscalate,
    SlaCompliance SlaCompliance,
    Backlog Backlog,
    Satisfaction Satisfaction);

/// <summary>Counts are always there; the share is null when there is nothing to divide by.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    public double? Share => Denominator == 0 ? null : (double)Numerator / Denominator;
}

public sealed record DurationStats(int Count, TimeSpan? Mean, TimeSpan? Median)
{
    public static readonly DurationStats Empty = new(0, null, null);

    public static DurationStats Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToArray();
        if (sorted.Length == 0) return Empty;
        var mean = TimeSpan.FromTicks(sorted.Sum(d => d.Ticks) / sorted.Length);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1
            ? sorted[middle]
            : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
        return new DurationStats(sorted.Length, mean, median);
    }
}

/// <summary>ByLevel holds every support level, empty ones with null mean and median.</summary>
public sealed record DurationBreakdown(DurationStats Overall, IReadOnlyDictionary<SupportLevel, DurationStats> ByLevel)
{
    public static DurationBreakdown Of(IEnumerable<(SupportLevel Level, TimeSpan Duration)> samples)
    {
        var list = samples.ToList();
        var byLevel = Enum.GetValues<SupportLevel>().ToDictionary(
            level => level,
            level => DurationStats.Of(list.Where(s => s.Level == level).Select(s => s.Duration)));
        return new DurationBreakdown(DurationStats.Of(list.Select(s => s.Duration)), byLevel);
    }
}

public readonly record struct WeekdayHour(IsoDayOfWeek Weekday, int Hour);

/// <summary>
/// Tickets created, cancelled ones included. ByDate has every local date of the period (zero
/// days too, for charts); ByWeekdayHour only the cells that have tickets: read it through At.
/// </summary>
public sealed record Volume(
    int Total,
    IReadOnlyDictionary<LocalDate, int> ByDate,
    IReadOnlyDictionary<WeekdayHour, int> ByWeekdayHour)
{
    public int At(IsoDayOfWeek weekday, int hour) =>
        ByWeekdayHour.TryGetValue(new WeekdayHour(weekday, hour), out var count) ? count : 0;
}

/// <summary>
/// Met / resolved in the period. Tickets whose resolution due could not be computed are left
/// out of both and counted apart, so a missing calendar shows instead of skewing the share.
/// </summary>
public sealed record SlaCompliance(Ratio Met, int WithoutDue);

public enum BacklogAge
{
    UnderOneDay,
    OneToThreeDays,
    ThreeToSevenDays,
    SevenDaysOrMore,
}

/// <summary>ByLevel and ByAge hold every key, zero included.</summary>
public sealed record Backlog(
    int Total,
    IReadOnlyDictionary<SupportLevel, int> ByLevel,
    IReadOnlyDictionary<BacklogAge, int> ByAge)
{
    // Elapsed 24 h days compared as TimeSpans, so exactly 3 days lands in [3,7) without rounding.
    public static BacklogAge AgeOf(TimeSpan age) =>
        age < TimeSpan.FromDays(1) ? BacklogAge.UnderOneDay
        : age < TimeSpan.FromDays(3) ? BacklogAge.OneToThreeDays
        : age < TimeSpan.FromDays(7) ? BacklogAge.ThreeToSevenDays
        : BacklogAge.SevenDaysOrMore;
}

public sealed record Satisfaction(int Answered, double? MeanRating, Ratio ResponseRate);
