using Npgsql;
using ServiceDesk.Bot.Jobs.Sla;
using ServiceDesk.Bot.Jobs.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Jobs.Support;
using ServiceDesk.Tests.Storage;

namespace ServiceDesk.Tests.Jobs;

/// <summary>
/// Two bot instances clustered on one PostgreSQL database (SERVICEDESK_TEST_PG; skipped without it,
/// failing under CI=true). Both sweep every second and both are also made to run the watch at
/// once, so the thresholds are contended from every side.
/// </summary>
[RequiresPostgres]
public sealed class PostgresClusterTests : IAsyncLifetime
{
    private static readonly PersonRef Ana = new(JobsHost.Agent, "Ana García");
    private static readonly Dictionary<string, string?> EverySecond = new() { ["Scheduler:SlaSweepInterval"] = "00:00:01" };
    private readonly string _name = $"sd_jobs_{Guid.NewGuid():N}";
    private string _database = "";

    private static string Server => TestPostgres.ConnectionString
        ?? throw new InvalidOperationException($"{TestPostgres.Variable} is not set and CI=true: the clustered scheduler tests need a server (eval \"$(tests/pg.sh start)\").");

    public async Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is not null) return;
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        await create.ExecuteNonQueryAsync();
        _database = new NpgsqlConnectionStringBuilder(Server) { Database = _name, MaxPoolSize = 30 }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_database.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [StorageFact]
    public async Task Two_clustered_instances_record_each_threshold_once()
    {
        // One at a time: the first migrates and seeds, the second finds it done.
        await using var first = await JobsHost.StartAsync(_database, postgres: true, EverySecond);
        await using var second = await JobsHost.StartAsync(_database, postgres: true, EverySecond);
        var now = DateTimeOffset.UtcNow;
        await first.SeedDeskAsync(now);
        var id = await first.OpenTicketAsync(now, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6));
        await first.ChangeAsync(id, t => t.Claim(Ana, now));
        await first.Get<ISlaWatchScheduler>().RescheduleAsync(id);
        await second.Get<ISlaWatchScheduler>().RescheduleAsync(id);

        // Besides the triggers and the sweeps, both instances run the watch at each threshold, several times at once.
        foreach (var at in new[] { 4.6, 6.1 })
        {
            var wait = now.AddSeconds(at) - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            await Task.WhenAll(new[] { first, second, first, second }.Select(desk => Task.Run(() => desk.Get<SlaWatch>().RunAsync(id, default))));
        }
        await Task.Delay(TimeSpan.FromSeconds(2));

        var ticket = await second.TicketAsync(id);
        Assert.Equal([(TicketEventType.SlaWarning, "Resolution"), (TicketEventType.SlaBreached, "Resolution")],
            ticket.Events.Where(e => e.Type is TicketEventType.SlaWarning or TicketEventType.SlaBreached).Select(e => (e.Type, e.Text)));
        Assert.Single(ticket.Escalations);
        Assert.Equal((SupportLevel.L2, "workplace-l2"), (ticket.Level, ticket.Group));
        JobsHost.AssertWarnedThenEscalated(await first.OutboxAsync(), ticket);
        var instances = new[] { (await first.SchedulerAsync()).SchedulerInstanceId, (await second.SchedulerAsync()).SchedulerInstanceId };
        Assert.Equal(2, instances.Distinct().Count());
    }

    [StorageFact]
    public async Task A_survey_scheduled_on_a_stopped_instance_is_sent_once_by_the_other()
    {
        var first = await JobsHost.StartAsync(_database, postgres: true);
        await using var second = await JobsHost.StartAsync(_database, postgres: true);
        var now = DateTimeOffset.UtcNow;
        await first.SeedDeskAsync(now);
        var id = await first.OpenTicketAsync(now, TimeSpan.FromHours(8), TimeSpan.FromHours(40));
        await first.ChangeAsync(id, t => t.Claim(Ana, now));
        var resolved = await first.ChangeAsync(id, t => t.Resolve(new Resolution(ResolutionCode.Fixed, "Cargador cambiado", false, false), Ana, DateTimeOffset.UtcNow));
        await first.Get<ISurveyScheduler>().ScheduleAsync(id, resolved.ResolvedAt!.Value);
        await first.StopAsync();

        await JobsHost.EventuallyAsync(async () => (await second.SurveysAsync(id)).Count > 0, TimeSpan.FromSeconds(60), "the survey is sent");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await second.SurveysAsync(id));
        Assert.Equal(JobsHost.RequesterChat, Assert.Single(await second.OutboxAsync()).Destination);
    }
}
