using Npgsql;
using ServiceDesk.Tests.AgentDesk.Support;
using ServiceDesk.Tests.Storage;

namespace ServiceDesk.Tests.Reports;

/// <summary>
/// The same hand-computed week with the bot on PostgreSQL (its own database on the server tests/pg.sh
/// starts): the KPIs read timestamps and the event logs back from the other provider too.
/// </summary>
[RequiresPostgres]
public sealed class PostgresKpiApiTests : DeskTest
{
    [StorageFact]
    public async Task The_kpis_of_a_week_are_the_hand_computed_ones_on_postgres()
    {
        var server = TestPostgres.ConnectionString
            ?? throw new InvalidOperationException($"{TestPostgres.Variable} is not set and CI=true: this test needs a server (eval \"$(tests/pg.sh start)\").");
        var name = $"sd_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            await StartDeskAsync(new Dictionary<string, string?>(KpiApiTests.QuietReports)
            {
                ["Storage:Provider"] = "Postgres",
                ["ConnectionStrings:ServiceDesk"] = database,
            });
            await KpiHistory.SeedAsync(Bot.Services);

            var response = await Admin().GetAsync("/api/kpis?from=2026-11-16&to=2026-11-20");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            KpiApiTests.AssertHandComputedWeek(System.Text.Json.JsonDocument.Parse(body).RootElement);
        }
        finally
        {
            if (Bot is { } bot) await StopAsync(bot);
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
