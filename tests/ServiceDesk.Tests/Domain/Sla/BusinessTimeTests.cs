using NodaTime;
using ServiceDesk.Domain.Sla;
using static ServiceDesk.Tests.Domain.Sla.SlaTestCalendars;

namespace ServiceDesk.Tests.Domain.Sla;

// The office calendar: Europe/Madrid, Mon–Fri 08:00–18:00 (10 h a day, 50 h a week), holidays
// 2026-01-01 Thu, 01-06 Tue, 05-01 Fri, 12-08 Tue, 12-25 Fri. Times are Madrid wall-clock.
public class BusinessTimeTests
{
    public static TheoryData<string, string, string> AddCases() => new()
    {
        // Tue 09:00 + 3h = Tue 12:00
        { "2026-02-10 09:00", "3:00", "2026-02-10 12:00" },
        // Tue 16:00: 2h to 18:00, 2h left from Wed 08:00 → Wed 10:00
        { "2026-02-10 16:00", "4:00", "2026-02-11 10:00" },
        // Fri 16:00: 2h to 18:00, weekend skipped, 2h from Mon 08:00 → Mon 10:00
        { "2026-02-13 16:00", "4:00", "2026-02-16 10:00" },
        // Fri 16:00 + 2h ends exactly at the end of Friday's hours: due Fri 18:00, not Mon 08:00
        { "2026-02-13 16:00", "2:00", "2026-02-13 18:00" },
        // Mon 08:00 + 10h = the whole Monday → Mon 18:00
        { "2026-02-16 08:00", "10:00", "2026-02-16 18:00" },
        // Fri 18:00 is already outside the hours: + 1h → Mon 09:00
        { "2026-02-13 18:00", "1:00", "2026-02-16 09:00" },
        // Mon 05 Jan 17:00: 1h Monday, Tue 6 Jan holiday, 1h Wednesday → Wed 09:00
        { "2026-01-05 17:00", "2:00", "2026-01-07 09:00" },
        // Thu 30 Apr 17:00: 1h Thursday, Fri 1 May holiday, weekend, 1h Monday → Mon 4 May 09:00
        { "2026-04-30 17:00", "2:00", "2026-05-04 09:00" },
        // Thu 24 Dec 12:00: 6h Thursday, Fri 25 holiday, weekend, 2h Monday → Mon 28 Dec 10:00
        { "2026-12-24 12:00", "8:00", "2026-12-28 10:00" },
        // Mon 2 Feb 08:00 + 100h = two full weeks (2 × 50h) → ends Fri 13 Feb 18:00
        { "2026-02-02 08:00", "100:00", "2026-02-13 18:00" },
        // Mon 7 Dec 08:00 + 50h: Mon 7, (Tue 8 holiday), Wed 9, Thu 10, Fri 11, Mon 14 → Mon 14 18:00
        { "2026-12-07 08:00", "50:00", "2026-12-14 18:00" },
        // Mon 30 Nov 09:00 + 200h: Nov 30 9h; Dec 1–4 40h (49); Dec 7 (59); Dec 9–11 (89);
        // Dec 14–18 (139); Dec 21–24 (179); Dec 28 (189); Dec 29 (199); 1h on Dec 30 → Wed 30 Dec 09:00
        { "2026-11-30 09:00", "200:00", "2026-12-30 09:00" },
        // Mon 2 Feb 08:00 + 500h = ten full weeks (Feb–Mar have no holidays) → Fri 10 Apr 18:00
        { "2026-02-02 08:00", "500:00", "2026-04-10 18:00" },
        // Created Saturday: the clock starts Mon 08:00, + 1h → Mon 09:00
        { "2026-02-14 10:00", "1:00", "2026-02-16 09:00" },
        // Created Tue 03:00: starts Tue 08:00 → Tue 09:00
        { "2026-02-10 03:00", "1:00", "2026-02-10 09:00" },
        // Created Tue 19:00: starts Wed 08:00 → Wed 09:00
        { "2026-02-10 19:00", "1:00", "2026-02-11 09:00" },
        // Created on a holiday (Thu 1 Jan) → starts Fri 2 Jan 08:00 → 11:30
        { "2026-01-01 10:00", "3:30", "2026-01-02 11:30" },
        // Adding zero gives the instant the clock starts: inside the hours it is the start itself…
        { "2026-02-10 11:15", "0:00", "2026-02-10 11:15" },
        // …outside them the next working instant (Sat → Mon 08:00; Fri 18:00 → Mon 08:00).
        { "2026-02-14 10:00", "0:00", "2026-02-16 08:00" },
        { "2026-02-13 18:00", "0:00", "2026-02-16 08:00" },
    };

    [Theory]
    [MemberData(nameof(AddCases))]
    public void Add_counts_only_working_hours(string start, string businessTime, string expected) =>
        Assert.Equal(Local(expected), Office.Add(Local(start), Hours(businessTime)));

    public static TheoryData<string, string, string> BetweenCases() => new()
    {
        // Tue 09:00 → Tue 12:00 = 3h
        { "2026-02-10 09:00", "2026-02-10 12:00", "3:00" },
        // Fri 16:00 → Mon 10:00: 2h + 2h = 4h
        { "2026-02-13 16:00", "2026-02-16 10:00", "4:00" },
        // Sat → Sun: nothing
        { "2026-02-14 09:00", "2026-02-15 17:00", "0:00" },
        // Tue 03:00 → Tue 09:00: only 08:00–09:00
        { "2026-02-10 03:00", "2026-02-10 09:00", "1:00" },
        // Tue 17:00 → Tue 23:00: only 17:00–18:00
        { "2026-02-10 17:00", "2026-02-10 23:00", "1:00" },
        // Mon 5 Jan 17:00 → Wed 7 Jan 09:00 over the Tue 6 holiday: 1h + 1h
        { "2026-01-05 17:00", "2026-01-07 09:00", "2:00" },
        // Mon 2 Feb 08:00 → Mon 2 Mar 08:00: four weeks × 50h
        { "2026-02-02 08:00", "2026-03-02 08:00", "200:00" },
        // Whole year 2026: 365 days = 52 weeks + Thu → 261 weekdays, 5 holidays on weekdays → 256 × 10h
        { "2026-01-01 00:00", "2027-01-01 00:00", "2560:00" },
        // Backwards: nothing elapses
        { "2026-02-10 12:00", "2026-02-10 09:00", "0:00" },
    };

    [Theory]
    [MemberData(nameof(BetweenCases))]
    public void Between_counts_only_working_hours(string from, string to, string expected) =>
        Assert.Equal(Hours(expected), Office.Between(Local(from), Local(to)));

    [Theory]
    [MemberData(nameof(AddCases))]
    public void Between_undoes_Add(string start, string businessTime, string _)
    {
        var from = Local(start);
        Assert.Equal(Hours(businessTime), Office.Between(from, Office.Add(from, Hours(businessTime))));
    }

    [Fact]
    public void Adding_a_negative_business_time_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.Add(Local("2026-02-10 09:00"), Duration.FromHours(-1)));

    [Fact]
    public void Several_intervals_a_day_skip_the_lunch_break()
    {
        // Mon–Fri 08:00–14:00 and 15:00–18:00 (9h a day).
        IReadOnlyList<WorkingInterval> day = [new(new(8, 0), new(14, 0)), new(new(15, 0), new(18, 0))];
        var split = new BusinessCalendar("split", "Europe/Madrid",
            new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
                .ToDictionary(d => d, _ => day), []);

        // Tue 13:00 + 2h: 13:00–14:00 (1h), lunch, 15:00–16:00 (1h) → Tue 16:00
        Assert.Equal(Local("2026-02-10 16:00"), split.Add(Local("2026-02-10 13:00"), Hours("2:00")));
        // Tue 12:00 + 2h ends exactly as lunch starts: due 14:00, not 15:00
        Assert.Equal(Local("2026-02-10 14:00"), split.Add(Local("2026-02-10 12:00"), Hours("2:00")));
        // Tue 14:30 (lunch) → Wed 09:00: 15:00–18:00 (3h) + 08:00–09:00 (1h)
        Assert.Equal(Hours("4:00"), split.Between(Local("2026-02-10 14:30"), Local("2026-02-11 09:00")));
        // Mon 2 Feb 08:00 → Mon 9 Feb 08:00: one week = 5 × 9h
        Assert.Equal(Hours("45:00"), split.Between(Local("2026-02-02 08:00"), Local("2026-02-09 08:00")));
        Assert.Equal(Local("2026-02-10 15:00"), split.NextWorkingInstant(Local("2026-02-10 14:30")));
    }
}
