using System.Net;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams.EndToEnd;

/// <summary>/healthz?detail=true tells an operator why the bot went quiet, before users do.</summary>
public sealed class DeliveryHealthTests : EndToEndTest
{
    [Fact]
    public async Task Health_says_the_token_endpoint_accepts_the_credentials_and_nothing_waits()
    {
        var bot = StartBot();

        var health = await ReplyDeliveryTests.HealthAsync(bot);

        Assert.Equal(200, health.Status);
        Assert.True(health.TeamsHealthy);
        Assert.Contains("token endpoint accepts the credentials", health.Teams);
        Assert.Contains("connector refused nothing", health.Teams);
        Assert.Contains("nothing pending; 0 failed; 0 unreachable", health.Outbox);
    }

    [Fact]
    public async Task A_refused_secret_shows_with_its_code_and_never_the_secret_while_the_bot_stays_up()
    {
        Login.RefuseCredentials = true;
        var bot = StartBot();
        await PostAsync(bot, Activity("message_personal_chat"));
        await ReplyDeliveryTests.WaitUntilAsync(() => bot.Logs.Entries.Any(e => e.Message.Contains("retrying in")));

        var health = await ReplyDeliveryTests.HealthAsync(bot);

        Assert.Equal(200, health.Status); // delivery is not essential: the load balancer keeps the bot
        Assert.False(health.TeamsHealthy);
        Assert.Contains("token endpoint refused the credentials", health.Teams);
        Assert.True(health.Teams.Contains("AADSTS7000215", StringComparison.Ordinal), health.Teams);
        Assert.DoesNotContain(FakeLoginServer.Secret, health.Teams + health.Outbox);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains(FakeLoginServer.Secret));
        Assert.Contains("1 pending", health.Outbox);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task A_connector_that_refuses_the_bot_shows_as_unhealthy_until_a_delivery_goes_through()
    {
        var bot = StartBot(new Dictionary<string, string?> { ["Outbox:RetryBaseDelay"] = "00:00:01", ["Outbox:RetryMaxDelay"] = "00:00:01" });
        Connector.Then(new Support.FakeBotConnector.Reply(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}"""));

        await PostAsync(bot, Activity("message_personal_chat"));
        await ReplyDeliveryTests.WaitUntilAsync(() => Connector.Requests.Count == 1 && Connector.Requests[0].Status == 403);
        await ReplyDeliveryTests.WaitUntilAsync(() => bot.Logs.Entries.Any(e => e.Message.Contains("retrying in")));

        var refused = await ReplyDeliveryTests.HealthAsync(bot);
        Assert.False(refused.TeamsHealthy);
        Assert.Contains("connector last refused: 403 BotNotInConversationRoster", refused.Teams);

        await Connector.WaitForDeliveriesAsync(1);
        var recovered = await ReplyDeliveryTests.HealthAsync(bot);
        Assert.True(recovered.TeamsHealthy);
        Assert.Contains("last delivery at", recovered.Teams);
    }
}
