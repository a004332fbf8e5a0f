using System.Net;
using Microsoft.Extensions.Logging;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

/// <summary>No App ID: the Agents Playground talks to the bot without tokens, from this machine only.</summary>
public sealed class DevelopmentModeTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Loopback_requests_are_accepted_without_a_token_and_replied_to_without_one(string address)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.ExpectedToken = null;
        await using var bot = await TeamsBotHost.StartAsync(signing: null, IPAddress.Parse(address));

        var response = await bot.PostAsync(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Handler.Turns);
        var reply = Assert.Single(connector.Requests);
        Assert.Null(reply.Authorization);
        Assert.False(reply.Json.TryGetProperty("from", out _));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("2001:db8::1")]
    public async Task Other_addresses_are_rejected(string address)
    {
        await using var bot = await TeamsBotHost.StartAsync(signing: null, IPAddress.Parse(address));

        var response = await bot.PostAsync(OracleActivities.Read("message_personal_chat"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
    }

    [Fact]
    public async Task An_unknown_address_is_not_taken_for_loopback()
    {
        await using var bot = await TeamsBotHost.StartAsync(signing: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(OracleActivities.Read("message_personal_chat"))).StatusCode);
    }

    [Fact]
    public async Task Start_warns_loudly()
    {
        await using var bot = await TeamsBotHost.StartAsync(signing: null);

        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("DEVELOPMENT MODE"));
    }

    [Fact]
    public async Task With_an_App_ID_there_is_no_warning()
    {
        await using var signing = await BotFrameworkSigningServer.StartAsync();
        await using var bot = await TeamsBotHost.StartAsync(signing);

        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("DEVELOPMENT MODE"));
    }
}
