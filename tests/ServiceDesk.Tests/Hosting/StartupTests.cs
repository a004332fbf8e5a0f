using System.Net;

namespace ServiceDesk.Tests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task With_nothing_configured_the_bot_creates_its_database_seeds_it_and_answers_healthz()
    {
        await using var bot = BotProcess.Start();

        Assert.Equal(HttpStatusCode.OK, await bot.WaitForHealthAsync(TimeSpan.FromSeconds(60)));
        Assert.True(File.Exists(Path.Combine(bot.WorkingFolder, "data", "servicedesk.db")));
        Assert.Contains("seeded", bot.Output);
        Assert.Contains("development mode", bot.Output, StringComparison.OrdinalIgnoreCase);

        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        var detail = await http.GetStringAsync("/healthz?detail=true");
        Assert.Contains("\"database\"", detail);

        // The starter knowledge is there for deflection from the first question.
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(bot.WorkingFolder, "data", "servicedesk.db")}");
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM knowledge_articles";
        Assert.Equal(StarterKnowledgeCount, Convert.ToInt32(await count.ExecuteScalarAsync()));
    }

    private static readonly int StarterKnowledgeCount = ServiceDesk.Domain.Knowledge.StarterKnowledge.StarterArticles().Count;

    [Fact]
    public async Task A_second_start_on_the_same_database_does_not_seed_again()
    {
        var folder = Directory.CreateTempSubdirectory("sdbot-").FullName;
        await using (var first = BotProcess.Start(workingFolder: folder))
            await first.WaitForHealthAsync(TimeSpan.FromSeconds(60));

        await using var second = BotProcess.Start(workingFolder: folder);
        await second.WaitForHealthAsync(TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("seeded", second.Output);
    }

    [Theory]
    [InlineData("ServiceDesk__TimeZone", "Mars/Olympus_Mons", "ServiceDesk:TimeZone")]
    [InlineData("ServiceDesk__DefaultLocale", "fr-FR", "ServiceDesk:DefaultLocale")]
    [InlineData("Storage__Provider", "Oracle", "Storage:Provider")]
    [InlineData("Surveys__Delay", "-01:00:00", "Surveys:Delay")]
    [InlineData("Admin__ApiKey", "short", "Admin:ApiKey")]
    public async Task A_bad_setting_stops_the_start_with_a_message_naming_the_key(string variable, string value, string key)
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string> { [variable] = value });

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, bot.Output);
        Assert.DoesNotContain("   at ", bot.Output); // a message, not a stack trace
    }
}
