using NodaTime;
using NodaTime.Text;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Sla;
using static ServiceDesk.Tests.Domain.Sla.SlaTestCalendars;

namespace ServiceDesk.Tests.Domain.Sla;

public class BusinessCalendarTests
{
    private static BusinessCalendar MondaysOnly(params WorkingInterval[] hours) => new(
        "test", "Europe/Madrid", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>> { [IsoDayOfWeek.Monday] = hours }, []);

    [Fact]
    public void Weekdays_builds_monday_to_friday_in_the_zone()
    {
        Assert.Equal("office", Office.Id);
        Assert.Equal("Europe/Madrid", Office.ZoneId);
        Assert.Equal([new WorkingInterval(new(8, 0), new(18, 0))], Office.HoursOn(IsoDayOfWeek.Friday));
        Assert.Empty(Office.HoursOn(IsoDayOfWeek.Saturday));
        Assert.True(Office.IsHoliday(new LocalDate(2026, 12, 25)));
        Assert.Empty(Office.WorkingIntervalsOn(new LocalDate(2026, 12, 25)));
    }

    public static TheoryData<string, bool> WorkingAtCases() => new()
    {
        { "2026-02-10 08:00", true },   // start of the hours is inside [08:00, 18:00)
        { "2026-02-10 17:59", true },
        { "2026-02-10 18:00", false },  // the end is not
        { "2026-02-10 07:59", false },
        { "2026-02-14 10:00", false },  // Saturday
        { "2026-01-06 10:00", false },  // holiday
    };

    [Theory]
    [MemberData(nameof(WorkingAtCases))]
    public void Working_intervals_are_half_open(string local, bool expected) =>
        Assert.Equal(expected, Office.IsWorkingAt(Local(local)));

    public static TheoryData<string, string> NextWorkingCases() => new()
    {
        { "2026-02-10 11:15", "2026-02-10 11:15" }, // already working
        { "2026-02-10 03:00", "2026-02-10 08:00" }, // early morning
        { "2026-02-10 19:00", "2026-02-11 08:00" }, // evening
        { "2026-02-13 18:00", "2026-02-16 08:00" }, // Friday at closing → Monday
        { "2026-02-14 10:00", "2026-02-16 08:00" }, // Saturday
        { "2026-12-24 18:30", "2026-12-28 08:00" }, // Thu evening, Fri 25 holiday, weekend
        { "2026-01-05 18:00", "2026-01-07 08:00" }, // Mon closing, Tue 6 holiday
    };

    [Theory]
    [MemberData(nameof(NextWorkingCases))]
    public void Next_working_instant(string local, string expected) =>
        Assert.Equal(Local(expected), Office.NextWorkingInstant(Local(local)));

    public static TheoryData<string, string> InvalidHoursCases() => new()
    {
        { "18:00-08:00", "sla.calendar.interval" },             // ends before it starts
        { "08:00-08:00", "sla.calendar.interval" },             // empty
        { "08:00-14:00 13:00-18:00", "sla.calendar.intervalOrder" }, // overlapping
        { "15:00-18:00 08:00-14:00", "sla.calendar.intervalOrder" }, // out of order
        { "20:00-00:00 21:00-22:00", "sla.calendar.intervalOrder" }, // after one that runs to midnight
    };

    [Theory]
    [MemberData(nameof(InvalidHoursCases))]
    public void Working_hours_must_be_ordered_and_not_overlap(string hours, string code)
    {
        var error = Assert.Throws<DomainException>(() => MondaysOnly(
            hours.Split(' ').Select(h => h.Split('-').Select(t => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(t).Value).ToArray())
                .Select(t => new WorkingInterval(t[0], t[1])).ToArray()));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Adjacent_intervals_and_midnight_ends_are_accepted()
    {
        var calendar = MondaysOnly(new(new(8, 0), new(14, 0)), new(new(14, 0), LocalTime.Midnight));
        // Mon 9 Feb 08:00 → Tue 00:00: 6h + 10h
        Assert.Equal(Hours("16:00"), calendar.Between(Local("2026-02-09 08:00"), Local("2026-02-10 00:00")));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            BusinessCalendar.Weekdays("x", "Europe/Atlantis", new(8, 0), new(18, 0), []));
        Assert.Equal("sla.calendar.zone", error.Code);
    }

    [Fact]
    public void A_calendar_with_no_working_hours_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            new BusinessCalendar("closed", "Europe/Madrid", new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>>(), []));
        Assert.Equal("sla.calendar.noWorkingTime", error.Code);
    }

    [Fact]
    public void A_calendar_whose_working_days_are_all_holidays_fails_clearly_instead_of_searching_forever()
    {
        // Every weekday of 2026–2028 is a holiday: no working time within the two-year search limit.
        var start = new LocalDate(2026, 1, 1);
        var holidays = Enumerable.Range(0, 3 * 366).Select(start.PlusDays)
            .Where(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));
        var closed = BusinessCalendar.Weekdays("closed", "Europe/Madrid", new(8, 0), new(18, 0), holidays);

        Assert.Equal("sla.calendar.noWorkingTime",
            Assert.Throws<DomainException>(() => closed.Add(Local("2026-02-10 09:00"), Hours("1:00"))).Code);
        Assert.Equal("sla.calendar.noWorkingTime",
            Assert.Throws<DomainException>(() => closed.NextWorkingInstant(Local("2026-02-10 09:00"))).Code);
        // Counting what elapsed is still fine: nothing did.
        Assert.Equal(Duration.Zero, closed.Between(Local("2026-02-10 09:00"), Local("2027-02-10 09:00")));
    }
}
