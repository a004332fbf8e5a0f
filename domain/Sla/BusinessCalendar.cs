using NodaTime;

namespace ServiceDesk.Domain.Sla;

/// <summary>
/// Working hours per weekday, holidays and a time zone, plus the business-time arithmetic the SLA
/// clocks use. All arithmetic happens on local wall-clock time (see <see cref="WallClock"/>) and
/// walks whole days and weeks, never minutes.
/// </summary>
public sealed class BusinessCalendar
{
    // Beyond this many consecutive days without working time the calendar is treated as having
    // none, instead of searching forever (e.g. every working day declared a holiday).
    private const int MaxDaysWithoutWork = 2 * 366;

    private static readonly IReadOnlyList<WorkingInterval> NoHours = [];

    private readonly IReadOnlyList<WorkingInterval>[] _hoursByIsoDay = new IReadOnlyList<WorkingInterval>[8];
    private readonly LocalDate[] _holidays;
    private readonly Duration _weeklyWorkingTime;

    public BusinessCalendar(
        string id,
        string zoneId,
        IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>> weeklyHours,
        IEnumerable<LocalDate> holidays)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new DomainException("sla.calendar.id", "A business calendar needs an id.");
        Id = id;
        Zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId ?? "")
            ?? throw new DomainException("sla.calendar.zone", $"Calendar {id}: '{zoneId}' is not an IANA time zone id.");

        Array.Fill(_hoursByIsoDay, NoHours);
        foreach (var (day, hours) in weeklyHours)
        {
            if (day == IsoDayOfWeek.None) throw new DomainException("sla.calendar.weekday", $"Calendar {id}: working hours need a weekday.");
            for (var i = 1; i < hours.Count; i++)
            {
                if (hours[i - 1].EndsAtMidnight || hours[i - 1].End > hours[i].Start)
                    throw new DomainException(
                        "sla.calendar.intervalOrder",
                        $"Calendar {id}: on {day} {hours[i - 1]} and {hours[i]} overlap or are out of order.");
            }
            _hoursByIsoDay[(int)day] = hours.ToArray();
            _weeklyWorkingTime += hours.Aggregate(Duration.Zero, (sum, h) => sum + h.Length);
        }
        if (_weeklyWorkingTime == Duration.Zero)
            throw new DomainException("sla.calendar.noWorkingTime", $"Calendar {id} has no working hours on any weekday.");

        _holidays = holidays.Distinct().Order().ToArray();
    }

    /// <summary>Every weekday Monday–Friday from <paramref name="start"/> to <paramref name="end"/> (00:00 as end means 24:00).</summary>
    public static BusinessCalendar Weekdays(string id, string zoneId, LocalTime start, LocalTime end, IEnumerable<LocalDate> holidays)
    {
        IReadOnlyList<WorkingInterval> day = [new WorkingInterval(start, end)];
        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>>
        {
            [IsoDayOfWeek.Monday] = day,
            [IsoDayOfWeek.Tuesday] = day,
            [IsoDayOfWeek.Wednesday] = day,
            [IsoDayOfWeek.Thursday] = day,
            [IsoDayOfWeek.Friday] = day,
        };
        return new BusinessCalendar(id, zoneId, week, holidays);
    }

    public string Id { get; }
    public DateTimeZone Zone { get; }
    public string ZoneId => Zone.Id;
    public IReadOnlyList<LocalDate> Holidays => _holidays;

    public IReadOnlyList<WorkingInterval> HoursOn(IsoDayOfWeek day) => _hoursByIsoDay[(int)day];

    public bool IsHoliday(LocalDate date) => Array.BinarySearch(_holidays, date) >= 0;

    /// <summary>The working intervals of a particular date: none on holidays.</summary>
    public IReadOnlyList<WorkingInterval> WorkingIntervalsOn(LocalDate date) =>
        IsHoliday(date) ? NoHours : _hoursByIsoDay[(int)date.DayOfWeek];

    public bool IsWorkingAt(Instant instant)
    {
        var position = WallClock.Position(Zone, instant);
        var time = OffsetInDay(position);
        return WorkingIntervalsOn(position.Date).Any(h => h.StartOfDayOffset <= time && time < h.EndOfDayOffset);
    }

    /// <summary>The instant itself when it is working time, otherwise where the next working interval starts.</summary>
    public Instant NextWorkingInstant(Instant instant)
    {
        var next = WallClock.EarliestInstantAt(Zone, NextWorkingPosition(WallClock.Position(Zone, instant)));
        // During a repeated autumn hour the position stands still, so its earliest instant can lie
        // before the one asked about.
        return next < instant ? instant : next;
    }

    /// <summary>Business time elapsed from <paramref name="from"/> to <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public Duration Between(Instant from, Instant to) =>
        to <= from ? Duration.Zero : WorkingTimeBetween(WallClock.Position(Zone, from), WallClock.Position(Zone, to));

    /// <summary>
    /// The earliest instant at which <paramref name="businessTime"/> has elapsed since
    /// <paramref name="start"/>. A due that falls exactly at the end of a working interval is that
    /// end. Adding zero gives the instant the clock starts, i.e. <see cref="NextWorkingInstant"/>.
    /// </summary>
    public Instant Add(Instant start, Duration businessTime)
    {
        if (businessTime < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, "Business time to add cannot be negative.");
        if (businessTime == Duration.Zero) return NextWorkingInstant(start);
        return WallClock.EarliestInstantAt(Zone, AddWorkingTime(WallClock.Position(Zone, start), businessTime));
    }

    private Duration WorkingTimeBetween(LocalDateTime from, LocalDateTime to)
    {
        var total = Duration.Zero;
        var date = from.Date;
        while (date <= to.Date)
        {
            var dayStart = date == from.Date ? OffsetInDay(from) : Duration.Zero;
            if (dayStart == Duration.Zero && date.PlusDays(7) <= to.Date && !HasHolidayInWeekFrom(date))
            {
                total += _weeklyWorkingTime;
                date = date.PlusDays(7);
                continue;
            }
            var dayEnd = date == to.Date ? OffsetInDay(to) : Duration.FromDays(1);
            foreach (var hours in WorkingIntervalsOn(date))
            {
                var start = Max(hours.StartOfDayOffset, dayStart);
                var end = Min(hours.EndOfDayOffset, dayEnd);
                if (end > start) total += end - start;
            }
            date = date.PlusDays(1);
        }
        return total;
    }

    private LocalDateTime AddWorkingTime(LocalDateTime from, Duration remaining)
    {
        var date = from.Date;
        var dayStart = OffsetInDay(from);
        var daysWithoutWork = 0;
        while (true)
        {
            // Strictly more than a week left: a due exactly at the week's last working minute is
            // found by the day walk, which keeps "due at the end of an interval is that end".
            if (dayStart == Duration.Zero && remaining > _weeklyWorkingTime && !HasHolidayInWeekFrom(date))
            {
                remaining -= _weeklyWorkingTime;
                date = date.PlusDays(7);
                daysWithoutWork = 0;
                continue;
            }
            var worked = false;
            foreach (var hours in WorkingIntervalsOn(date))
            {
                if (hours.EndOfDayOffset <= dayStart) continue;
                var start = Max(hours.StartOfDayOffset, dayStart);
                var available = hours.EndOfDayOffset - start;
                if (remaining <= available) return date.AtMidnight().PlusNanoseconds((start + remaining).ToInt64Nanoseconds());
                remaining -= available;
                worked = true;
            }
            daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
            ThrowIfNoWorkingTime(daysWithoutWork, from);
            date = date.PlusDays(1);
            dayStart = Duration.Zero;
        }
    }

    private LocalDateTime NextWorkingPosition(LocalDateTime from)
    {
        var date = from.Date;
        var dayStart = OffsetInDay(from);
        for (var daysWithoutWork = 1; ; daysWithoutWork++)
        {
            foreach (var hours in WorkingIntervalsOn(date))
            {
                if (hours.EndOfDayOffset > dayStart)
                    return date.AtMidnight().PlusNanoseconds(Max(hours.StartOfDayOffset, dayStart).ToInt64Nanoseconds());
            }
            ThrowIfNoWorkingTime(daysWithoutWork, from);
            date = date.PlusDays(1);
            dayStart = Duration.Zero;
        }
    }

    private void ThrowIfNoWorkingTime(int daysWithoutWork, LocalDateTime from)
    {
        if (daysWithoutWork > MaxDaysWithoutWork)
            throw new DomainException(
                "sla.calendar.noWorkingTime",
                $"Calendar {Id} has no working time in the {MaxDaysWithoutWork} days after {from:uuuu-MM-dd HH:mm}.");
    }

    private bool HasHolidayInWeekFrom(LocalDate date)
    {
        var index = Array.BinarySearch(_holidays, date);
        if (index >= 0) return true;
        var next = ~index;
        return next < _holidays.Length && _holidays[next] < date.PlusDays(7);
    }

    private static Duration OffsetInDay(LocalDateTime local) => Duration.FromNanoseconds(local.TimeOfDay.NanosecondOfDay);
    private static Duration Max(Duration a, Duration b) => a > b ? a : b;
    private static Duration Min(Duration a, Duration b) => a < b ? a : b;
}
