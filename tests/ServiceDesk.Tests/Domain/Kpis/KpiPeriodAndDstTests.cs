using NodaTime;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Domain.Kpis.KpiDesk;

namespace ServiceDesk.Tests.Domain.Kpis;

// Europe/Madrid: spring change Sun 2025-03-30 02:00 CET → 03:00 CEST (01:00Z);
// autumn change Sun 2025-10-26 03:00 CEST → 02:00 CET (01:00Z).
public sealed class KpiPeriodAndDstTests
{
    [Fact]
    public void Spring_change_day_is_23_hours_and_autumn_change_day_25()
    {
        var spring = KpiPeriod.Day(new LocalDate(2025, 3, 30), Madrid);
        var autumn = KpiPeriod.Day(new LocalDate(2025, 10, 26), Madrid);

        Assert.Equal(Instant.FromUtc(2025, 3, 29, 23, 0), spring.StartInstant);
        Assert.Equal(Instant.FromUtc(2025, 3, 30, 22, 0), spring.EndInstant);
        Assert.Equal(Duration.FromHours(23), spring.Length);
        Assert.Equal(Duration.FromHours(25), autumn.Length);
        // The week and month around the spring change lose the same hour: 7×24 − 1, 31×24 − 1.
        Assert.Equal(Duration.FromHours(167), KpiPeriod.IsoWeekContaining(new LocalDate(2025, 3, 30), Madrid).Length);
        Assert.Equal(Duration.FromHours(743), KpiPeriod.MonthContaining(new LocalDate(2025, 3, 12), Madrid).Length);
    }

    [Fact]
    public void Day_that_starts_in_a_dst_gap_starts_at_the_first_existing_instant()
    {
        // São Paulo jumped from 00:00 to 01:00 on 2018-11-04: the day begins at 01:00 −02:00.
        var day = KpiPeriod.Day(new LocalDate(2018, 11, 4), "America/Sao_Paulo");

        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), day.StartInstant);
        Assert.Equal(Duration.FromHours(23), day.Length);
    }

    [Fact]
    public void Durations_across_the_spring_change_are_elapsed_time()
    {
        // Fri 17:00 CET (16:00Z) → Mon 11:00 CEST (09:00Z) = 65 h, although the clocks show 66 h.
        var ticket = Open("2025-03-28T17:00+01:00");
        ticket.Claim(Ana, At("2025-03-28T17:00+01:00"));
        ticket.Start(Ana, At("2025-03-28T17:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-03-31T11:00+02:00"));
        ticket.Close(Ana, At("2025-03-31T11:00+02:00"));

        var report = Compute(KpiPeriod.IsoWeekContaining(new LocalDate(2025, 3, 31), Madrid), ticket);

        Assert.Equal(TimeSpan.FromHours(65), report.TimeToResolve.Overall.Mean);
        Assert.Equal(TimeSpan.FromHours(65), report.TimeToClose.Overall.Mean);
        Assert.Equal(TimeSpan.FromHours(65), report.HandleTime.Mean);
    }

    [Fact]
    public void Backlog_age_across_the_spring_change_is_elapsed_not_wall_clock()
    {
        // Created Fri 2025-03-28 00:00 CET (Thu 23:00Z). The week ends Mon 31 00:00 CEST (Sun 22:00Z):
        // 71 h elapsed → [1,3), though the wall clock says exactly 3 days.
        var ticket = Open("2025-03-28T00:00+01:00");

        var week = KpiPeriod.IsoWeekContaining(new LocalDate(2025, 3, 28), Madrid);
        var report = Compute(week, ticket);

        Assert.Equal(Instant.FromUtc(2025, 3, 30, 22, 0), week.EndInstant);
        Assert.Equal(1, report.Backlog.ByAge[BacklogAge.OneToThreeDays]);
        Assert.Equal(0, report.Backlog.ByAge[BacklogAge.ThreeToSevenDays]);
    }

    [Fact]
    public void Volume_counts_the_repeated_autumn_hour_twice_and_skips_the_missing_spring_hour()
    {
        // Autumn: 02:30 CEST (00:30Z) and 02:30 CET (01:30Z) are both local hour 2 of Sunday the 26th.
        var first = Open("2025-10-26T02:30+02:00");
        var second = Open("2025-10-26T02:30+01:00");
        var autumn = Compute(KpiPeriod.Day(new LocalDate(2025, 10, 26), Madrid), first, second);

        Assert.Equal(2, autumn.Volume.At(IsoDayOfWeek.Sunday, 2));
        Assert.Equal(2, autumn.Volume.ByDate[new LocalDate(2025, 10, 26)]);

        // Spring: 01:30Z is 03:30 CEST, the hour after the gap; hour 2 does not exist that day.
        var spring = Compute(KpiPeriod.Day(new LocalDate(2025, 3, 30), Madrid), Open("2025-03-30T01:30Z"));
        Assert.Equal(1, spring.Volume.At(IsoDayOfWeek.Sunday, 3));
        Assert.Equal(0, spring.Volume.At(IsoDayOfWeek.Sunday, 2));
    }

    [Fact]
    public void Volume_uses_the_local_date_not_the_utc_date()
    {
        var tuesdayLate = Open("2025-01-14T22:59Z"); // Tue 23:59 in Madrid
        var wednesdayEarly = Open("2025-01-14T23:30Z"); // Wed 00:30 in Madrid, still Tuesday in UTC
        var summerNight = Open("2025-07-01T22:30Z"); // Wed 2 July 00:30 CEST

        var tuesday = Compute(KpiPeriod.Day(new LocalDate(2025, 1, 14), Madrid), tuesdayLate, wednesdayEarly);
        var wednesday = Compute(KpiPeriod.Day(new LocalDate(2025, 1, 15), Madrid), tuesdayLate, wednesdayEarly);
        var july2 = Compute(KpiPeriod.Day(new LocalDate(2025, 7, 2), Madrid), summerNight);

        Assert.Equal(1, tuesday.Volume.Total);
        Assert.Equal(1, tuesday.Volume.At(IsoDayOfWeek.Tuesday, 23));
        Assert.Equal(1, wednesday.Volume.Total);
        Assert.Equal(1, wednesday.Volume.At(IsoDayOfWeek.Wednesday, 0));
        Assert.Equal(1, july2.Volume.At(IsoDayOfWeek.Wednesday, 0));
    }

    [Fact]
    public void Day_and_week_containing_an_instant_use_the_local_date()
    {
        var day = KpiPeriod.DayContaining(At("2025-01-14T23:30Z"), Madrid);
        Assert.Equal(new LocalDate(2025, 1, 15), day.Start);
        Assert.Equal(new LocalDate(2025, 1, 16), day.End);

        // Sunday 19 January belongs to the week starting Monday 13; 23:30Z that night is already Monday 20.
        Assert.Equal(new LocalDate(2025, 1, 13), KpiPeriod.IsoWeekContaining(new LocalDate(2025, 1, 19), Madrid).Start);
        Assert.Equal(new LocalDate(2025, 1, 13), KpiPeriod.IsoWeekContaining(new LocalDate(2025, 1, 13), Madrid).Start);
        Assert.Equal(new LocalDate(2025, 1, 20), KpiPeriod.IsoWeekContaining(At("2025-01-19T23:30Z"), Madrid).Start);
        // ISO weeks cross years: 1 Jan 2025 is a Wednesday of the week starting 30 Dec 2024.
        Assert.Equal(new LocalDate(2024, 12, 30), KpiPeriod.IsoWeekContaining(new LocalDate(2025, 1, 1), Madrid).Start);
    }

    [Fact]
    public void Period_contains_its_start_and_not_its_end()
    {
        var day = KpiPeriod.Day(new LocalDate(2025, 1, 13), Madrid);

        Assert.True(day.Contains(At("2025-01-13T00:00+01:00")));
        Assert.True(day.Contains(At("2025-01-13T23:59:59.999+01:00")));
        Assert.False(day.Contains(At("2025-01-14T00:00+01:00")));
        Assert.False(day.Contains(At("2025-01-12T23:59:59+01:00")));
        Assert.Equal(At("2025-01-14T00:00+01:00"), day.EndsAt);
        Assert.Equal(TimeSpan.FromHours(1), day.StartsAt.Offset);
    }

    [Fact]
    public void Period_refuses_empty_ranges_and_unknown_zones()
    {
        var d = new LocalDate(2025, 1, 13);
        Assert.Throws<ArgumentException>(() => KpiPeriod.Of(d, d, Madrid));
        Assert.Throws<ArgumentException>(() => KpiPeriod.Of(d, d.PlusDays(-1), Madrid));
        Assert.Throws<ArgumentException>(() => KpiPeriod.Day(d, "Europe/Atlantis"));
    }
}
