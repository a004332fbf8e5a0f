using NodaTime;
using NodaTime.Text;
using ServiceDesk.Domain.Sla;

namespace ServiceDesk.Tests.Domain.Sla;

/// <summary>Calendars and terse parsers so the tables read like the hand computations.</summary>
internal static class SlaTestCalendars
{
    public static readonly DateTimeZone Madrid = DateTimeZoneProviders.Tzdb["Europe/Madrid"];

    public static readonly LocalDate[] MadridHolidays2026 =
    [
        new(2026, 1, 1),   // Thursday
        new(2026, 1, 6),   // Tuesday
        new(2026, 5, 1),   // Friday, next to a weekend
        new(2026, 12, 8),  // Tuesday
        new(2026, 12, 25), // Friday
    ];

    /// <summary>Mon–Fri 08:00–18:00 in Europe/Madrid: the seed's business calendar.</summary>
    public static readonly BusinessCalendar Office =
        BusinessCalendar.Weekdays("office", "Europe/Madrid", new LocalTime(8, 0), new LocalTime(18, 0), MadridHolidays2026);

    /// <summary>00:00–24:00 every day, so the DST gap and the repeated hour fall inside working time.</summary>
    public static readonly BusinessCalendar AroundTheClock = new(
        "24x7",
        "Europe/Madrid",
        Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
            .ToDictionary(d => d, IReadOnlyList<WorkingInterval> (_) => [new WorkingInterval(LocalTime.Midnight, LocalTime.Midnight)]),
        []);

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly DurationPattern HoursPattern = DurationPattern.CreateWithInvariantCulture("H:mm");

    /// <summary>A Madrid wall-clock time that exists exactly once (strict: the DST tests use <see cref="Utc"/>).</summary>
    public static Instant Local(string local) => LocalPattern.Parse(local).Value.InZoneStrictly(Madrid).ToInstant();

    public static Instant Utc(string utc) => LocalPattern.Parse(utc).Value.InUtc().ToInstant();

    /// <summary>"H:mm" with total hours, e.g. "100:00".</summary>
    public static Duration Hours(string hours) => HoursPattern.Parse(hours).Value;
}
