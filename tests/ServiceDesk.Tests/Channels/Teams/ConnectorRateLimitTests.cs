using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

/// <summary>Teams' published limits (protocol.md §3) are kept on our side, so bursts wait instead of drawing 429s.</summary>
public sealed class ConnectorRateLimitTests : IAsyncLifetime
{
    private BotFrameworkSigningServer _signing = null!;
    private FakeBotConnector _connector = null!;
    private TeamsBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _signing = await BotFrameworkSigningServer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _bot = await TeamsBotHost.StartAsync(_signing);
        _bot.Services.GetRequiredService<ServiceUrlAllowList>().Trust(_connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _signing.DisposeAsync();
    }

    private ConnectorClient Client => _bot.Services.GetRequiredService<ConnectorClient>();

    [Fact]
    public async Task One_conversation_gets_at_most_seven_per_second()
    {
        var conversation = new ConnectorConversation(_connector.ServiceUrl, "a:one-person", "tenant-a");
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Client.SendAsync(conversation, new OutgoingActivity { Text = "n" + i })));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(850), $"8 sends took {clock.Elapsed}");
        var times = _connector.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(8, times.Count);
        Assert.True(times[7] - times[0] >= TimeSpan.FromMilliseconds(850), $"{times[7] - times[0]}");
    }

    [Fact]
    public async Task Other_conversations_are_not_held_up()
    {
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client.SendAsync(new ConnectorConversation(_connector.ServiceUrl, "a:person-" + i, "tenant-b"), new OutgoingActivity { Text = "hi" })));

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(800), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task One_tenant_gets_at_most_fifty_per_second()
    {
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 51).Select(i =>
            Client.SendAsync(new ConnectorConversation(_connector.ServiceUrl, "a:person-" + i, "tenant-c"), new OutgoingActivity { Text = "outage" })));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(850), $"51 sends took {clock.Elapsed}");
    }

    [Fact]
    public async Task Limits_hold_for_a_conversation_across_a_longer_burst()
    {
        var limits = new ConnectorRateLimits(new ServiceDesk.Bot.Channels.Teams.ConnectorOptions(), TimeProvider.System); // Teams' published limits
        var granted = 0;
        var clock = Stopwatch.StartNew();

        // 7 at once; the 8th within the next second; the 9th only after 2 s (8 per 2 s).
        var leases = Enumerable.Range(0, 16).Select(async _ =>
        {
            using var turn = await limits.AcquireAsync("19:channel@thread.tacv2", "tenant-d", default);
            Interlocked.Increment(ref granted);
            return clock.Elapsed;
        }).ToList();
        var at = (await Task.WhenAll(leases)).Order().ToList();

        Assert.Equal(16, granted);
        Assert.True(at[6] < TimeSpan.FromMilliseconds(500), $"first seven at {at[6]}");
        Assert.True(at[8] >= TimeSpan.FromMilliseconds(1800), $"ninth at {at[8]}: 8 per 2 s");
    }
}
