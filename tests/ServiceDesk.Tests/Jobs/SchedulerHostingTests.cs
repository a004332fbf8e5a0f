using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceDesk.Bot.Database;
using ServiceDesk.Tests.Hosting;
using ServiceDesk.Tests.Jobs.Support;

namespace ServiceDesk.Tests.Jobs;

public sealed class SchedulerHostingTests
{
    [Fact]
    public async Task Quartz_keeps_its_qrtz_tables_beside_the_desks_in_the_same_database_across_restarts()
    {
        var folder = Directory.CreateTempSubdirectory("sdjobs-tables-").FullName;
        var database = JobsHost.SqliteFile(folder);
        await using (await JobsHost.StartAsync(database)) { }
        await using (await JobsHost.StartAsync(database)) { }

        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        Assert.Contains("tickets", tables);
        Assert.Contains("__EFMigrationsHistory", tables);
        // SQLite keeps Quartz's upper-case names after the prefix and reads them case-insensitively;
        // PostgreSQL folds the unquoted names to qrtz_triggers and so on.
        var quartz = tables.Where(t => t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(quartz, t => Assert.StartsWith("qrtz_", t, StringComparison.Ordinal));
        foreach (var table in new[] { "qrtz_triggers", "qrtz_simple_triggers", "qrtz_job_details", "qrtz_fired_triggers", "qrtz_locks", "qrtz_scheduler_state" })
            Assert.Contains(table, quartz, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_scheduler_starts_after_the_database_is_migrated()
    {
        await using var desk = await JobsHost.StartAsync(JobsHost.SqliteFile(Directory.CreateTempSubdirectory("sdjobs-order-").FullName), runScheduler: false);

        var started = desk.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        Assert.True(started.IndexOf(nameof(DatabaseStartup)) >= 0, string.Join(", ", started));
        Assert.True(started.IndexOf(nameof(DatabaseStartup)) < started.IndexOf("QuartzHostedService"), string.Join(", ", started));
    }

    [Fact]
    public async Task Healthz_reports_the_scheduler_running()
    {
        await using var bot = BotProcess.Start();

        Assert.Equal(HttpStatusCode.OK, await bot.WaitForHealthAsync(TimeSpan.FromSeconds(60)));

        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var detail = JsonDocument.Parse(await http.GetStringAsync("/healthz?detail=true"));
        var scheduler = detail.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "scheduler");
        Assert.True(scheduler.GetProperty("healthy").GetBoolean(), scheduler.ToString());
        Assert.True(scheduler.GetProperty("essential").GetBoolean());
        Assert.Equal("running", scheduler.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Surveys__AutoCloseAfterBusinessDays", "0", "Surveys:AutoCloseAfterBusinessDays")]
    [InlineData("Scheduler__SlaSweepInterval", "00:00:00", "Scheduler:SlaSweepInterval")]
    [InlineData("Sla__EscalateTo__network-l2", "network-l2", "Sla:EscalateTo:network-l2")]
    public async Task A_bad_scheduling_setting_stops_the_start_with_a_message_naming_the_key(string variable, string value, string key)
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string> { [variable] = value });

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
    }
}
