using System.Globalization;
using NodaTime;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Localization;

// Dates, durations and enum names, built from the catalog rather than from CultureInfo so both
// languages read the same on every host (ICU versions disagree on "lun." vs "lun").
public sealed partial class Texts
{
    /// <summary>The enums cards show, and the key prefix of their names ("status.InProgress").</summary>
    public static IReadOnlyDictionary<Type, string> LocalizedEnums { get; } = new Dictionary<Type, string>
    {
        [typeof(TicketKind)] = "kind",
        [typeof(TicketStatus)] = "status",
        [typeof(Priority)] = "priority",
        [typeof(Impact)] = "impact",
        [typeof(Urgency)] = "urgency",
        [typeof(SupportLevel)] = "level",
        [typeof(ResolutionCode)] = "resolution",
        [typeof(SlaPhase)] = "slaPhase",
        [typeof(SlaTarget)] = "slaTarget",
        [typeof(TicketEventType)] = "event",
        [typeof(ProblemStatus)] = "problemStatus",
    };

    public static string KeyOf<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        if (!LocalizedEnums.TryGetValue(typeof(TEnum), out var prefix))
            throw new ArgumentException($"{typeof(TEnum).Name} has no localized names.", nameof(value));
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");
        return $"{prefix}.{value}";
    }

    /// <summary>The reader's name of an enum value: <c>Name(TicketStatus.Pending)</c> → "En espera" / "On hold".</summary>
    public string Name<TEnum>(TEnum value) where TEnum : struct, Enum => this[KeyOf(value)];

    /// <summary>"lun 16 nov, 10:00" / "Mon 16 Nov, 10:00" in the reader's zone; the year only when it is not <paramref name="now"/>'s.</summary>
    public string DayAndTime(Instant at, DateTimeZone zone, Instant? now = null)
    {
        var local = at.InZone(zone).LocalDateTime;
        var sameYear = now is null || now.Value.InZone(zone).Year == local.Year;
        return Format(sameYear ? "date.dayTime" : "date.dayTimeYear",
            ("weekday", this[$"date.weekday.{local.DayOfWeek}"]),
            ("day", local.Day.ToString(CultureInfo.InvariantCulture)),
            ("month", this[$"date.month.{local.Month.ToString(CultureInfo.InvariantCulture)}"]),
            ("year", local.Year.ToString(CultureInfo.InvariantCulture)),
            ("time", local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)));
    }

    public string DayAndTime(DateTimeOffset at, DateTimeZone zone, Instant? now = null) =>
        DayAndTime(Instant.FromDateTimeOffset(at), zone, now);

    /// <summary>
    /// "2 h 30 min" in whole minutes, rounded up: 20 seconds left on a clock still reads "1 min",
    /// never "0 min" before the deadline.
    /// </summary>
    public string Duration(Duration duration)
    {
        if (duration < NodaTime.Duration.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "Durations shown are never negative.");
        var minutes = (long)Math.Ceiling(duration.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        var h = hours.ToString(CultureInfo.InvariantCulture);
        var m = rest.ToString(CultureInfo.InvariantCulture);
        return hours == 0 ? Format("duration.minutes", ("minutes", m))
            : rest == 0 ? Format("duration.hours", ("hours", h))
            : Format("duration.hoursMinutes", ("hours", h), ("minutes", m));
    }

    /// <summary>"2 h 30 min laborables" / "2 h 30 min business time".</summary>
    public string BusinessDuration(Duration duration) => Format("duration.business", ("duration", Duration(duration)));
}
