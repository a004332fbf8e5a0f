using Microsoft.Extensions.Options;
using Quartz;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Cards.Reports;

namespace ServiceDesk.Bot.Reports;

public static class ReportsSetup
{
    /// <summary>
    /// The KPI service behind <c>GET /api/kpis</c> and the daily and weekly report jobs. Call after
    /// <c>AddDeskJobs</c> (the jobs join its scheduler) and with <c>AddTickets</c> and <c>AddOutbox</c>.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportsOptions>, ReportsOptionsValidator>();
        services.AddScoped<KpiReports>();
        services.AddSingleton<KpiReportPoster>();
        // AddQuartz is additive: these join the scheduler AddDeskJobs set up.
        services.AddQuartz(quartz =>
        {
            foreach (var cadence in Enum.GetValues<KpiReportCadence>()) AddReportJob(quartz, cadence);
        });
        return services;
    }

    public static TriggerKey CronTriggerKey(KpiReportCadence cadence) => new(KpiReportJob.KeyOf(cadence).Name, "kpi-report");

    public static TriggerKey AtStartTriggerKey(KpiReportCadence cadence) => new(KpiReportJob.KeyOf(cadence).Name + "-at-start", "kpi-report");

    private static void AddReportJob(IQuartzBuilder quartz, KpiReportCadence cadence)
    {
        var job = KpiReportJob.KeyOf(cadence);
        quartz.AddJob<KpiReportJob>(j => j.WithIdentity(job).StoreDurably().RequestRecovery().UsingJobData(KpiReportJob.CadenceKey, cadence.ToString()));
        // Read when the scheduler starts: by then ValidateOnStart has refused a bad expression, naming its key.
        quartz.AddTrigger((services, trigger) =>
        {
            var reports = services.GetRequiredService<IOptions<ReportsOptions>>().Value;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<DeskOptions>>().Value.TimeZone);
            trigger.WithIdentity(CronTriggerKey(cadence)).ForJob(job)
                .WithSchedule(CronScheduleBuilder.Create(cadence == KpiReportCadence.Daily ? reports.DailyCron : reports.WeeklyCron)
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        });
        // Once at every start: whether the store kept the cron trigger's missed firing or the trigger was
        // replaced at start, the period that fell due while the bot was down is reported now.
        quartz.AddTrigger(trigger => trigger.WithIdentity(AtStartTriggerKey(cadence)).ForJob(job).StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
    }
}
