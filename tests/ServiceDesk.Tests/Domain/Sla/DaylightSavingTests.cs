using NodaTime;
using ServiceDesk.Domain.Sla;
using static ServiceDesk.Tests.Domain.Sla.SlaTestCalendars;

namespace ServiceDesk.Tests.Domain.Sla;

// Europe/Madrid 2026: spring change Sun 29 Mar at 01:00Z (02:00 CET → 03:00 CEST, local 02:00–03:00
// does not exist); autumn change Sun 25 Oct at 01:00Z (03:00 CEST → 02:00 CET, local 02:00–03:00
// happens twice). Business time is counted on wall-clock time: a working day keeps its local
// length, a missing local time maps to the transition instant, a repeated hour counts once.
// Instants are written in UTC where the local time alone would be ambiguous or missing.
public class DaylightSavingTests
{
    public static TheoryData<string, string, string> OfficeAddCases() => new()
    {
        // Fri 27 Mar 17:00 CET (16:00Z) + 4h: 1h Friday, 3h Monday → Mon 30 Mar 11:00 CEST = 09:00Z.
        // A fixed +01:00 offset would say 10:00Z; wall-clock elapsed is 65h, as design.md says.
        { "2026-03-27 16:00", "4:00", "2026-03-30 09:00" },
        // Fri 23 Oct 17:00 CEST (15:00Z) + 4h → Mon 26 Oct 11:00 CET = 10:00Z (67h elapsed).
        { "2026-10-23 15:00", "4:00", "2026-10-26 10:00" },
        // Fri 27 Mar 08:00 CET (07:00Z) + 20h = Fri and Mon in full → Mon 30 Mar 18:00 CEST = 16:00Z
        { "2026-03-27 07:00", "20:00", "2026-03-30 16:00" },
    };

    [Theory]
    [MemberData(nameof(OfficeAddCases))]
    public void Office_hours_are_wall_clock_hours_across_a_change(string startUtc, string businessTime, string expectedUtc) =>
        Assert.Equal(Utc(expectedUtc), Office.Add(Utc(startUtc), Hours(businessTime)));

    [Fact]
    public void Office_hours_across_the_spring_change_are_not_naive_utc_arithmetic()
    {
        var due = Office.Add(Local("2026-03-27 17:00"), Hours("4:00"));
        Assert.Equal(new LocalDateTime(2026, 3, 30, 11, 0), due.InZone(Madrid).LocalDateTime);
        // Wall-clock elapsed: Fri 17:00 CET → Mon 11:00 CEST = 66 local hours − 1 skipped = 65h.
        Assert.Equal(Duration.FromHours(65), due - Local("2026-03-27 17:00"));
    }

    public static TheoryData<string, string, string> OfficeBetweenCases() => new()
    {
        // Fri 27 Mar 17:00 CET → Mon 30 Mar 11:00 CEST: 1h + 3h
        { "2026-03-27 16:00", "2026-03-30 09:00", "4:00" },
        // Fri 23 Oct 17:00 CEST → Mon 26 Oct 11:00 CET: 1h + 3h
        { "2026-10-23 15:00", "2026-10-26 10:00", "4:00" },
        // Mon 23 Mar 08:00 CET → Mon 30 Mar 08:00 CEST: a full week, 50h
        { "2026-03-23 07:00", "2026-03-30 06:00", "50:00" },
    };

    [Theory]
    [MemberData(nameof(OfficeBetweenCases))]
    public void Office_between_across_a_change(string fromUtc, string toUtc, string expected) =>
        Assert.Equal(Hours(expected), Office.Between(Utc(fromUtc), Utc(toUtc)));

    public static TheoryData<string, string, string> AroundTheClockBetweenCases() => new()
    {
        // Spring. Sat 23:00 CET (22:00Z) → Sun 04:00 CEST (02:00Z): local 23:00→04:00 = 5h (4h elapsed)
        { "2026-03-28 22:00", "2026-03-29 02:00", "5:00" },
        // Sun 01:30 CET (00:30Z) → the transition (01:00Z, shown as 03:00 CEST): local 01:30→03:00 = 1:30 (30 min elapsed)
        { "2026-03-29 00:30", "2026-03-29 01:00", "1:30" },
        // Sun 00:00 → Mon 00:00 local (Sat 23:00Z → Sun 22:00Z): the day keeps its 24 local hours (23h elapsed)
        { "2026-03-28 23:00", "2026-03-29 22:00", "24:00" },
        // Autumn. Sat 23:00 CEST (21:00Z) → Sun 04:00 CET (03:00Z): local 23:00→04:00 = 5h (6h elapsed)
        { "2026-10-24 21:00", "2026-10-25 03:00", "5:00" },
        // First 02:30 (CEST, 00:30Z) → second 02:30 (CET, 01:30Z): the clock runs to 03:00 in the
        // first pass and stands still in the second → 30 min (60 min elapsed)
        { "2026-10-25 00:30", "2026-10-25 01:30", "0:30" },
        // The whole second pass of the repeated hour (01:00Z → 02:00Z) counts nothing
        { "2026-10-25 01:00", "2026-10-25 02:00", "0:00" },
        // Sun 00:00 → Mon 00:00 local (Sat 22:00Z → Sun 23:00Z): 24 local hours (25h elapsed)
        { "2026-10-24 22:00", "2026-10-25 23:00", "24:00" },
    };

    [Theory]
    [MemberData(nameof(AroundTheClockBetweenCases))]
    public void Business_time_is_wall_clock_time_on_change_days(string fromUtc, string toUtc, string expected) =>
        Assert.Equal(Hours(expected), AroundTheClock.Between(Utc(fromUtc), Utc(toUtc)));

    public static TheoryData<string, string, string> AroundTheClockAddCases() => new()
    {
        // Spring, from Sat 23:00 CET (22:00Z):
        // + 2h → Sun 01:00 CET = 00:00Z
        { "2026-03-28 22:00", "2:00", "2026-03-29 00:00" },
        // + 3h → local 02:00 does not exist → the transition instant 01:00Z
        { "2026-03-28 22:00", "3:00", "2026-03-29 01:00" },
        // + 3:30 → local 02:30 does not exist → the transition instant 01:00Z
        { "2026-03-28 22:00", "3:30", "2026-03-29 01:00" },
        // + 4h → local 03:00 CEST, which is the transition instant too
        { "2026-03-28 22:00", "4:00", "2026-03-29 01:00" },
        // + 5h → Sun 04:00 CEST = 02:00Z
        { "2026-03-28 22:00", "5:00", "2026-03-29 02:00" },
        // Autumn, from Sat 23:00 CEST (21:00Z):
        // + 3:30 → local 02:30, reached in the first pass (CEST) = 00:30Z
        { "2026-10-24 21:00", "3:30", "2026-10-25 00:30" },
        // + 4h → local 03:00: reached when the hour starts repeating (01:00Z), the clock stands still from there
        { "2026-10-24 21:00", "4:00", "2026-10-25 01:00" },
        // + 5h → Sun 04:00 CET = 03:00Z
        { "2026-10-24 21:00", "5:00", "2026-10-25 03:00" },
        // From inside the second pass (02:30 CET = 01:30Z) the clock resumes at 03:00 CET (02:00Z): + 1h → 03:00Z
        { "2026-10-25 01:30", "1:00", "2026-10-25 03:00" },
    };

    [Theory]
    [MemberData(nameof(AroundTheClockAddCases))]
    public void Add_maps_wall_clock_results_back_to_instants(string startUtc, string businessTime, string expectedUtc) =>
        Assert.Equal(Utc(expectedUtc), AroundTheClock.Add(Utc(startUtc), Hours(businessTime)));

    [Fact]
    public void Inside_the_repeated_hour_the_next_working_instant_is_now() =>
        Assert.Equal(Utc("2026-10-25 01:30"), AroundTheClock.NextWorkingInstant(Utc("2026-10-25 01:30")));

    // Works Sundays 02:30–06:00 only, so on 29 Mar its hours start inside the gap.
    private static readonly BusinessCalendar SundayNights = new(
        "sunday-nights",
        "Europe/Madrid",
        new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>>
        {
            [IsoDayOfWeek.Sunday] = [new WorkingInterval(new LocalTime(2, 30), new LocalTime(6, 0))],
        },
        []);

    [Fact]
    public void Working_hours_that_start_in_the_gap_start_at_the_transition()
    {
        // Sat 28 Mar noon → Sun 02:30, which does not exist → 01:00Z
        Assert.Equal(Utc("2026-03-29 01:00"), SundayNights.NextWorkingInstant(Local("2026-03-28 12:00")));
        // The day still has its local 3:30 of work (02:30→06:00) though only 3h elapse (01:00Z→04:00Z)
        Assert.Equal(Hours("3:30"), SundayNights.Between(Local("2026-03-28 12:00"), Local("2026-03-30 12:00")));
        // + 30 min → local 03:00 CEST = 01:00Z (the gap half hour is used up at the transition)
        Assert.Equal(Utc("2026-03-29 01:00"), SundayNights.Add(Local("2026-03-28 12:00"), Hours("0:30")));
        // + 3:30 → 06:00 CEST = 04:00Z, the end of the hours; + 3:31 → the next Sunday 02:31 CEST = 00:31Z
        Assert.Equal(Utc("2026-03-29 04:00"), SundayNights.Add(Local("2026-03-28 12:00"), Hours("3:30")));
        Assert.Equal(Utc("2026-04-05 00:31"), SundayNights.Add(Local("2026-03-28 12:00"), Hours("3:31")));
    }

    [Fact]
    public void Working_hours_over_the_repeated_hour_count_it_once()
    {
        // Sun 25 Oct 02:30–06:00 local: 3:30 of business time although 4:30 elapse (00:30Z → 05:00Z)
        Assert.Equal(Hours("3:30"), SundayNights.Between(Local("2026-10-24 12:00"), Local("2026-10-26 12:00")));
        // Starts at the first 02:30 (CEST) = 00:30Z
        Assert.Equal(Utc("2026-10-25 00:30"), SundayNights.NextWorkingInstant(Local("2026-10-24 12:00")));
    }
}
