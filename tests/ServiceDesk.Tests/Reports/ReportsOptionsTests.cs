using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Reports;
using ServiceDesk.Tests.Hosting;

namespace ServiceDesk.Tests.Reports;

public sealed class ReportsOptionsTests
{
    [Theory]
    [InlineData("Reports__DailyCron", "every morning at eight", "Reports:DailyCron")]
    [InlineData("Reports__WeeklyCron", "0 0 25 ? * MON", "Reports:WeeklyCron")]
    public async Task A_bad_cron_stops_the_start_with_a_message_naming_the_key(string variable, string value, string key)
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string> { [variable] = value });

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
    }

    [Fact]
    public void The_defaults_are_valid_and_an_empty_group_is_not()
    {
        var validator = new ReportsOptionsValidator();

        Assert.True(validator.Validate(null, new ReportsOptions()).Succeeded);
        var empty = validator.Validate(null, new ReportsOptions { CoordinatorsGroup = " " });
        Assert.Contains("Reports:CoordinatorsGroup", empty.FailureMessage);
    }
}
