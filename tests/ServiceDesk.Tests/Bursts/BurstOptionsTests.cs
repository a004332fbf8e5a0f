using ServiceDesk.Bot.Bursts;
using ServiceDesk.Tests.Hosting;

namespace ServiceDesk.Tests.Bursts;

public sealed class BurstOptionsTests
{
    [Fact]
    public void The_defaults_are_five_similar_tickets_in_fifteen_minutes()
    {
        var defaults = new BurstOptions();
        Assert.Equal((true, 5, TimeSpan.FromMinutes(15)), (defaults.Enabled, defaults.Threshold, defaults.Window));
        Assert.True(new BurstOptionsValidator().Validate(null, defaults).Succeeded);
    }

    [Theory]
    [InlineData(1, "00:15:00", 0.5, "Bursts:Threshold")]
    [InlineData(5, "00:00:30", 0.5, "Bursts:Window")]
    [InlineData(5, "2.00:00:00", 0.5, "Bursts:Window")]
    [InlineData(5, "00:15:00", 0.0, "Bursts:Similarity")]
    [InlineData(5, "00:15:00", 1.5, "Bursts:Similarity")]
    public void Settings_out_of_range_are_refused_naming_the_key(int threshold, string window, double similarity, string key)
    {
        var result = new BurstOptionsValidator().Validate(null,
            new BurstOptions { Threshold = threshold, Window = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture), Similarity = similarity });
        Assert.True(result.Failed);
        Assert.StartsWith(key, Assert.Single(result.Failures!));
    }

    [Fact]
    public async Task A_bad_threshold_stops_the_start_with_a_message_naming_the_key()
    {
        await using var bot = BotProcess.Start(new Dictionary<string, string> { ["Bursts__Threshold"] = "1" });

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Bursts:Threshold", bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
    }
}
