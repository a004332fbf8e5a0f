using NodaTime;

namespace ServiceDesk.Domain.Kpis;

/// <summary>
/// A local calendar period of the desk's zone, [Start, End) in local dates. Its instants come
/// from the zone's start of each day, so a period containing a DST change is 23 h or 25 h longer
/// or shorter than its day count suggests.
/// </summary>
public sealed record KpiPeriod
{
    public KpiPeriod(LocalDate start, LocalDate end, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (end <= start)
            throw new ArgumentException($"A KPI period ends after it starts ({start:uuuu-MM-dd} .. {end:uuuu-MM-dd}).", nameof(end));
        Start = start;
        End = end;
        Zone = zone;
        // AtStartOfDay, not midnight: in zones whose DST gap is at midnight the day starts at 01:00.
        StartInstant = zone.AtStartOfDay(start).ToInstant();
        EndInstant = zone.AtStartOfDay(end).ToInstant();
    }

    public LocalDate Start { get; }

    /// <summary>First local date after the period.</summary>
    public LocalDate End { get; }

    public DateTimeZone Zone { get; }
    public Instant StartInstant { get; }
    public Instant EndInstant { get; }

    public DateTimeOffset StartsAt => StartInstant.InZone(Zone).ToDateTimeOffset();
    public DateTimeOffset EndsAt => EndInstant.InZone(Zone).ToDateTimeOffset();
    public Duration Length => EndInstant - StartInstant;

    public static KpiPeriod Of(LocalDate start, LocalDate end, string zoneId) => new(start, end, ZoneFor(zoneId));

    public static KpiPeriod Day(LocalDate date, string zoneId) => new(date, date.PlusDays(1), ZoneFor(zoneId));

    public static KpiPeriod DayContaining(DateTimeOffset at, string zoneId)
    {
        var zone = ZoneFor(zoneId);
        var date = LocalDateOf(at, zone);
        return new(date, date.PlusDays(1), zone);
    }

    public static KpiPeriod IsoWeekContaining(LocalDate date, string zoneId)
    {
        var monday = date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        return new(monday, monday.PlusWeeks(1), ZoneFor(zoneId));
    }

    public static KpiPeriod IsoWeekContaining(DateTimeOffset at, string zoneId) =>
        IsoWeekContaining(LocalDateOf(at, ZoneFor(zoneId)), zoneId);

    public static KpiPeriod MonthContaining(LocalDate date, string zoneId)
    {
        var first = date.With(DateAdjusters.StartOfMonth);
        return new(first, first.PlusMonths(1), ZoneFor(zoneId));
    }

    public bool Contains(DateTimeOffset at)
    {
        var instant = Instant.FromDateTimeOffset(at);
        return instant >= StartInstant && instant < EndInstant;
    }

    public LocalDateTime LocalTimeOf(DateTimeOffset at) => Instant.FromDateTimeOffset(at).InZone(Zone).LocalDateTime;

    public override string ToString() => $"[{Start:uuuu-MM-dd}, {End:uuuu-MM-dd}) {Zone.Id}";

    private static LocalDate LocalDateOf(DateTimeOffset at, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(at).InZone(zone).Date;

    private static DateTimeZone ZoneFor(string zoneId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
        ?? throw new ArgumentException($"'{zoneId}' is not an IANA time zone id.", nameof(zoneId));
}
