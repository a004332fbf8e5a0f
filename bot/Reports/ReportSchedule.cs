using NodaTime;
using Quartz;
using ServiceDesk.Cards.Reports;
using ServiceDesk.Domain.Kpis;

namespace ServiceDesk.Bot.Reports;

/// <summary>
/// Which period a report covers. A run reports for the latest firing of its cron at or before now, so
/// a run that comes late (the bot was down, a retry after a crash) reports what was due, and any later
/// run of the same firing finds it already posted.
/// </summary>
public static class ReportSchedule
{
    // Searched from the nearest window outwards, so a cron that fires every second is not walked for a week.
    private static readonly TimeSpan[] Lookbacks = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(8)];
    private const int MaxSteps = 20_000;

    /// <summary>The cron's last firing in the eight days up to <paramref name="now"/>; null when none (a late run never reaches further back).</summary>
    public static DateTimeOffset? LastFiring(CronExpression cron, DateTimeOffset now)
    {
        foreach (var lookback in Lookbacks)
        {
            DateTimeOffset? last = null;
            var at = now - lookback;
            for (var step = 0; step < MaxSteps; step++)
            {
                var next = cron.GetNextValidTimeAfter(at);
                if (next is null || next > now) break;
                last = next;
                at = next.Value;
            }
            if (last is not null) return last;
        }
        return null;
    }

    /// <summary>
    /// Daily: the business day (Monday to Friday) before the firing's local date, so Monday's report is
    /// Friday's. Weekly: the Monday–Sunday week before the firing's week. Local dates of <paramref name="zoneId"/>.
    /// </summary>
    public static KpiPeriod PeriodFor(KpiReportCadence cadence, DateTimeOffset firing, string zoneId)
    {
        var date = Instant.FromDateTimeOffset(firing).InZone(DateTimeZoneProviders.Tzdb[zoneId]).Date;
        return cadence == KpiReportCadence.Daily
            ? KpiPeriod.Day(BusinessDayBefore(date), zoneId)
            : KpiPeriod.IsoWeekContaining(date.PlusWeeks(-1), zoneId);
    }

    /// <summary>What the arrows compare with: the business day before, or the week before.</summary>
    public static KpiPeriod PeriodBefore(KpiReportCadence cadence, KpiPeriod period) => cadence == KpiReportCadence.Daily
        ? KpiPeriod.Day(BusinessDayBefore(period.Start), period.Zone.Id)
        : KpiPeriod.IsoWeekContaining(period.Start.PlusWeeks(-1), period.Zone.Id);

    /// <summary>Names the report of a period, once: <c>kpi-report:daily:2026-11-20</c>.</summary>
    public static string CorrelationKey(KpiReportCadence cadence, KpiPeriod period) =>
        $"kpi-report:{(cadence == KpiReportCadence.Daily ? "daily" : "weekly")}:{period.Start:uuuu-MM-dd}";

    private static LocalDate BusinessDayBefore(LocalDate date)
    {
        var day = date.PlusDays(-1);
        while (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) day = day.PlusDays(-1);
        return day;
    }
}
