using System.Diagnostics;
using ServiceDesk.Bot.Channels.Teams;
using ServiceDesk.Bot.Channels.Teams.Connector;

namespace ServiceDesk.Tests.Outbox;

/// <summary>
/// When Teams answers 429 for a tenant (several conversations at once), the whole tenant waits the
/// Retry-After instead of every conversation hammering on; one 429 stays the conversation's business.
/// </summary>
public sealed class TenantBackoffTests
{
    private static ConnectorRateLimits Limits() => new(new ConnectorOptions
    {
        ConversationLimits = "7/00:00:01",
        TenantLimits = "1000/00:00:01",
        TenantThrottleThreshold = 3,
    }, TimeProvider.System);

    [Fact]
    public async Task Several_429s_in_a_tenant_hold_every_conversation_of_that_tenant_for_the_retry_after_and_no_other_tenant()
    {
        var limits = Limits();
        var retryAfter = TimeSpan.FromMilliseconds(700);

        Assert.False(limits.Throttled("tenant-a", retryAfter));
        Assert.False(limits.Throttled("tenant-a", retryAfter));
        Assert.True(limits.Throttled("tenant-a", retryAfter));
        var clock = Stopwatch.StartNew();
        var held = limits.AcquireAsync("a:someone-not-throttled", "tenant-a", default).AsTask();
        (await limits.AcquireAsync("a:someone-elsewhere", "tenant-b", default)).Dispose();

        Assert.False(held.IsCompleted);
        (await held).Dispose();
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(600), $"held {clock.Elapsed}");
    }

    [Fact]
    public async Task One_429_holds_nobody_else()
    {
        var limits = Limits();

        Assert.False(limits.Throttled("tenant-a", TimeSpan.FromSeconds(30)));

        var turn = limits.AcquireAsync("a:someone", "tenant-a", default);

        Assert.True(turn.IsCompleted);
        (await turn).Dispose();
    }

    [Fact]
    public async Task A_turn_further_away_than_a_call_waits_is_refused_so_the_outbox_retries_later()
    {
        var limits = new ConnectorRateLimits(new ConnectorOptions { ConversationLimits = "1/00:10:00", MaxRetryAfter = TimeSpan.FromSeconds(5) }, TimeProvider.System);
        (await limits.AcquireAsync("a:chatty", "tenant-a", default)).Dispose();

        var refused = await Assert.ThrowsAsync<RateLimitWaitTooLongException>(async () => await limits.AcquireAsync("a:chatty", "tenant-a", default));

        Assert.True(refused.Wait > TimeSpan.FromMinutes(9));
    }

    [Theory]
    [InlineData("TenantLimits", "fifty per second")]
    [InlineData("ConversationLimits", "7/00:00:01, 0/00:00:02")]
    [InlineData("TenantLimits", "50/-00:00:01")]
    public void Limits_that_do_not_read_stop_the_start_naming_the_key(string key, string value)
    {
        var options = new BotFrameworkOptions();
        if (key == "TenantLimits") options.Connector.TenantLimits = value;
        else options.Connector.ConversationLimits = value;

        var result = new BotFrameworkOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"BotFramework:Connector:{key}", result.FailureMessage);
    }

    [Fact]
    public void Teams_published_limits_are_the_defaults()
    {
        var connector = new ConnectorOptions();

        Assert.Equal([new RateWindow(7, TimeSpan.FromSeconds(1)), new RateWindow(8, TimeSpan.FromSeconds(2)), new RateWindow(60, TimeSpan.FromSeconds(30))],
            RateWindow.ParseList(connector.ConversationLimits));
        Assert.Equal([new RateWindow(50, TimeSpan.FromSeconds(1))], RateWindow.ParseList(connector.TenantLimits));
        Assert.True(new BotFrameworkOptionsValidator().Validate(null, new BotFrameworkOptions()).Succeeded);
    }
}
