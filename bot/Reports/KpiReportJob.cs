using Microsoft.Extensions.Options;
using Quartz;
using ServiceDesk.Cards.Reports;

namespace ServiceDesk.Bot.Reports;

/// <summary>
/// <c>kpi-report.daily</c> and <c>kpi-report.weekly</c>: fired by their cron (<c>Reports:DailyCron</c>,
/// <c>Reports:WeeklyCron</c>) and once at every start, which catches up a firing missed while the bot
/// was down; the poster makes every run after the first of a period a no-op.
/// </summary>
public sealed partial class KpiReportJob(KpiReportPoster poster, IOptions<ReportsOptions> options, TimeProvider time, ILogger<KpiReportJob> log) : IJob
{
    public const string CadenceKey = "cadence";

    public static readonly JobKey DailyKey = new("daily", "kpi-report");
    public static readonly JobKey WeeklyKey = new("weekly", "kpi-report");

    public static JobKey KeyOf(KpiReportCadence cadence) => cadence == KpiReportCadence.Daily ? DailyKey : WeeklyKey;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var cadence = Enum.Parse<KpiReportCadence>(context.MergedJobDataMap.GetString(CadenceKey)!);
        if (!options.Value.Enabled)
        {
            LogDisabled(cadence);
            return;
        }
        await poster.PostAsync(cadence, time.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Cadence} KPI report not posted: Reports:Enabled is false")]
    private partial void LogDisabled(KpiReportCadence cadence);
}
