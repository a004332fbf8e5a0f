using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ServiceDesk.Bot.Reports;
using ServiceDesk.Cards.Reports;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.Reports;

/// <summary>
/// The KPI reports reach the coordinators' channel (the "coordinators" group's channel) through the
/// outbox and the fake Bot Connector, once per period: runs with a fixed clock, and the jobs' own
/// runs at start across restarts.
/// </summary>
public sealed class KpiReportPostingTests : DeskTest
{
    private const string CoordinatorsChannel = "19:coordinators@thread.tacv2";
    private static readonly Dictionary<string, string?> QuietReports = new() { ["Reports:Enabled"] = "false" };

    private int PostsToCoordinators() => Connector.Delivered.Count(r => r.Method == "POST" && IsTo(r, CoordinatorsChannel));

    [Fact]
    public async Task A_run_posts_its_period_once_and_every_rerun_of_that_period_posts_nothing()
    {
        await StartDeskAsync(QuietReports);
        await PutGroupAsync("coordinators", 1, CoordinatorsChannel, "en-US");
        await KpiHistory.SeedAsync(Bot.Services);
        var poster = Bot.Services.GetRequiredService<KpiReportPoster>();
        var mondayMorning = KpiHistory.At("2026-11-23 08:00").AddSeconds(30);

        Assert.Equal(ReportOutcome.Posted, await poster.PostAsync(KpiReportCadence.Weekly, mondayMorning, default));
        var weekly = CardIn(await DeliveredAsync(CoordinatorsChannel, "POST", "Weekly KPI report · Mon 16 Nov 2026 – Sun 22 Nov 2026"));
        var words = Words(weekly);
        Assert.Contains("Arrows compare with Mon 9 Nov 2026 – Sun 15 Nov 2026.", words);
        Assert.Contains("5   ▲ +5", words); // created, against an empty week before
        Assert.Contains("50.0%", words); // first level and SLA compliance
        Assert.Contains("14 h 10 min", words); // mean time to resolve
        Assert.Contains("5.0 ★ (1 answers)", words);
        Assert.Contains("Open at the end of the period: 2", words);
        Assert.Contains("09:00–10:00", words);

        // The same period again: the same minute (a retry), later that day (a restart), another instance.
        Assert.Equal(ReportOutcome.AlreadyPosted, await poster.PostAsync(KpiReportCadence.Weekly, mondayMorning, default));
        Assert.Equal(ReportOutcome.AlreadyPosted, await poster.PostAsync(KpiReportCadence.Weekly, KpiHistory.At("2026-11-23 17:00"), default));
        Assert.Equal(ReportOutcome.AlreadyPosted, await poster.PostAsync(KpiReportCadence.Weekly, KpiHistory.At("2026-11-29 23:00"), default));

        // Monday's daily report is Friday's; Tuesday's is Monday's.
        Assert.Equal(ReportOutcome.Posted, await poster.PostAsync(KpiReportCadence.Daily, mondayMorning, default));
        var friday = CardIn(await DeliveredAsync(CoordinatorsChannel, "POST", "Daily KPI report · Fri 20 Nov 2026"));
        Assert.Contains("Arrows compare with Thu 19 Nov 2026.", Words(friday));
        Assert.Equal(ReportOutcome.AlreadyPosted, await poster.PostAsync(KpiReportCadence.Daily, KpiHistory.At("2026-11-24 07:59"), default));
        Assert.Equal(ReportOutcome.Posted, await poster.PostAsync(KpiReportCadence.Daily, KpiHistory.At("2026-11-24 08:00"), default));
        await DeliveredAsync(CoordinatorsChannel, "POST", "Daily KPI report · Mon 23 Nov 2026");

        await SettleAsync();
        Assert.Equal(3, PostsToCoordinators());
        AssertCardsValid(DeliveredCards());
    }

    [Fact]
    public async Task Without_a_coordinators_channel_nothing_is_posted_and_the_report_goes_out_once_one_is_registered()
    {
        await StartDeskAsync(QuietReports);
        var poster = Bot.Services.GetRequiredService<KpiReportPoster>();
        var at = KpiHistory.At("2026-11-24 09:00");

        Assert.Equal(ReportOutcome.NoChannel, await poster.PostAsync(KpiReportCadence.Daily, at, default));
        await PutGroupAsync("coordinators", 1, CoordinatorsChannel, "es-ES");
        Assert.Equal(ReportOutcome.Posted, await poster.PostAsync(KpiReportCadence.Daily, at, default));

        var card = CardIn(await DeliveredAsync(CoordinatorsChannel, "POST", "Informe diario de KPI · lun 23 nov 2026"));
        Assert.Contains("No se registró ningún ticket.", Words(card));
        await SettleAsync();
        Assert.Equal(1, PostsToCoordinators());
    }

    [Fact]
    public async Task The_jobs_run_at_start_for_what_fell_due_and_a_restart_posts_nothing_more()
    {
        await StartDeskAsync(QuietReports);
        await PutGroupAsync("coordinators", 1, CoordinatorsChannel, "es-ES");
        await StopAsync(Bot);

        // Reports on (the default): the daily and the weekly cron both fired in the last eight days.
        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });
        await DeliveredAsync(CoordinatorsChannel, "POST", "Informe diario de KPI");
        await DeliveredAsync(CoordinatorsChannel, "POST", "Informe semanal de KPI");
        var scheduler = await Bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var daily = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(ReportsSetup.CronTriggerKey(KpiReportCadence.Daily)));
        Assert.Equal(("0 0 8 ? * MON-FRI", "Europe/Madrid"), (daily.CronExpressionString, daily.TimeZone.Id));
        var weekly = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(ReportsSetup.CronTriggerKey(KpiReportCadence.Weekly)));
        Assert.Equal("0 0 8 ? * MON", weekly.CronExpressionString);
        Assert.Equal("kpi-report.daily", KpiReportJob.DailyKey.ToString());
        Assert.True(await scheduler.Exists(KpiReportJob.WeeklyKey));
        await StopAsync(Bot);

        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Bot.Logs.Entries.Count(e => e.Message.Contains("was posted already", StringComparison.Ordinal)) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "both jobs ran at start");
            await Task.Delay(50);
        }
        await SettleAsync();
        Assert.Equal(2, PostsToCoordinators());
    }

    [Fact]
    public async Task With_reports_off_the_jobs_run_at_start_and_post_nothing()
    {
        await StartDeskAsync(QuietReports);
        await PutGroupAsync("coordinators", 1, CoordinatorsChannel, "es-ES");
        await StopAsync(Bot);

        Bot = StartBot(new Dictionary<string, string?>(QuietReports) { ["Admin:ApiKey"] = ApiKey });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Bot.Logs.Entries.Count(e => e.Message.Contains("Reports:Enabled is false", StringComparison.Ordinal)) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "both jobs ran at start");
            await Task.Delay(50);
        }
        await SettleAsync();
        Assert.Equal(0, PostsToCoordinators());
    }
}
