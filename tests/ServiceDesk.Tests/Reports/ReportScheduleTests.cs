using Quartz;
using ServiceDesk.Bot.Reports;
using ServiceDesk.Cards.Reports;
using NodaTime;

namespace ServiceDesk.Tests.Reports;

/// <summary>Which period a run reports: the latest firing of its cron at or before the run, in the desk's zone.</summary>
public sealed class ReportScheduleTests
{
    private const string Madrid = "Europe/Madrid";
    private static readonly TimeZoneInfo MadridZone = TimeZoneInfo.FindSystemTimeZoneById(Madrid);
    private static readonly CronExpression Daily = new CronExpression("0 0 8 ? * MON-FRI").WithTimeZone(MadridZone);
    private static readonly CronExpression Weekly = new CronExpression("0 0 8 ? * MON").WithTimeZone(MadridZone);

    [Theory]
    // now (Madrid, Nov = UTC+1)     last daily firing      reported day
    [InlineData("2026-11-24 08:00", "2026-11-24 08:00", "2026-11-23")] // on time, Tuesday: Monday
    [InlineData("2026-11-24 07:59", "2026-11-23 08:00", "2026-11-20")] // Tuesday before 08:00: still Monday's firing, Friday
    [InlineData("2026-11-23 09:30", "2026-11-23 08:00", "2026-11-20")] // Monday: Friday
    [InlineData("2026-11-22 12:00", "2026-11-20 08:00", "2026-11-19")] // Sunday, down since Friday: Friday's firing, Thursday
    public void A_daily_run_reports_the_business_day_before_its_firing(string now, string firing, string day)
    {
        var last = ReportSchedule.LastFiring(Daily, KpiHistory.At(now));

        Assert.Equal(KpiHistory.At(firing), last);
        var period = ReportSchedule.PeriodFor(KpiReportCadence.Daily, last!.Value, Madrid);
        Assert.Equal((LocalDate.FromDateTime(DateTime.Parse(day)), 1), (period.Start, Period.Between(period.Start, period.End).Days));
        Assert.Equal($"kpi-report:daily:{day}", ReportSchedule.CorrelationKey(KpiReportCadence.Daily, period));
    }

    [Fact]
    public void A_weekly_run_reports_the_monday_to_sunday_week_before_and_compares_with_the_one_before_that()
    {
        var last = ReportSchedule.LastFiring(Weekly, KpiHistory.At("2026-11-26 15:00"))!.Value; // Thursday: Monday's firing

        var week = ReportSchedule.PeriodFor(KpiReportCadence.Weekly, last, Madrid);
        var before = ReportSchedule.PeriodBefore(KpiReportCadence.Weekly, week);

        Assert.Equal((new LocalDate(2026, 11, 16), new LocalDate(2026, 11, 23)), (week.Start, week.End));
        Assert.Equal((new LocalDate(2026, 11, 9), new LocalDate(2026, 11, 16)), (before.Start, before.End));
        Assert.Equal("kpi-report:weekly:2026-11-16", ReportSchedule.CorrelationKey(KpiReportCadence.Weekly, week));
    }

    [Fact]
    public void The_week_across_the_autumn_change_is_local_monday_to_local_monday()
    {
        // 26 Oct 2026 is the Monday after the change (Sunday 25 Oct, 03:00 CEST → 02:00 CET).
        var firing = ReportSchedule.LastFiring(Weekly, DateTimeOffset.Parse("2026-10-26T07:30:00Z"))!.Value;
        Assert.Equal(DateTimeOffset.Parse("2026-10-26T07:00:00Z"), firing); // 08:00 CET

        var week = ReportSchedule.PeriodFor(KpiReportCadence.Weekly, firing, Madrid);
        Assert.Equal(Duration.FromHours(7 * 24 + 1), week.Length);
        Assert.Equal(DateTimeOffset.Parse("2026-10-18T22:00:00Z"), week.StartsAt.ToUniversalTime()); // Mon 19 Oct 00:00 CEST
    }

    [Fact]
    public void The_previous_business_day_of_a_monday_is_friday()
    {
        var monday = ReportSchedule.PeriodFor(KpiReportCadence.Daily, KpiHistory.At("2026-11-24 08:00"), Madrid);

        Assert.Equal(new LocalDate(2026, 11, 20), ReportSchedule.PeriodBefore(KpiReportCadence.Daily, monday).Start);
    }

    [Fact]
    public void A_cron_that_has_not_fired_in_eight_days_reports_nothing()
    {
        var yearly = new CronExpression("0 0 8 1 JAN ?").WithTimeZone(MadridZone);

        Assert.Null(ReportSchedule.LastFiring(yearly, KpiHistory.At("2026-11-24 08:00")));
        Assert.NotNull(ReportSchedule.LastFiring(new CronExpression("* * * * * ?").WithTimeZone(MadridZone), KpiHistory.At("2026-11-24 08:00")));
    }
}
