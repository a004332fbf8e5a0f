using Microsoft.Extensions.Options;
using Quartz;
using ServiceDesk.Cards.Reports;

namespace ServiceDesk.Bot.Reports;

/// <summary>
/// <c>kpi-report.daily</c> and <c>kpi-report.weekly</c>: fired by their cron (<c>Reports:DailyCron</c>,
/// <c>Reports:WeeklyCron</c>) and once at every start, which catches up a firing missed while the bot
/// was down; the poster makes every run after the first of a period a no-op.
/// </summary>
public sealed class KpiReportJob(KpiReportPoster poster, IOptions<ReportsOptions> options, TimeProvider time) : IJob
{
    public const string CadenceKey = "cadence";

    public static readonly JobKey DailyKey = new("daily", "kpi-report");
    public static readonly JobKey WeeklyKey = new("weekly", "kpi-report");

    public static JobKey KeyOf(KpiReportCadence cadence) => cadence == KpiReportCadence.Daily ? DailyKey : WeeklyKey;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled) return;
        var cadence = Enum.Parse<KpiReportCadence>(context.MergedJobDataMap.GetString(CadenceKey)!);
        await poster.PostAsync(cadence, time.GetUtcNow(), cancellationToken);
    }
}
