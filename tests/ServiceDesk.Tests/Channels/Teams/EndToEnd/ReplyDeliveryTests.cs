using System.Net;
using System.Text.Json;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams.EndToEnd;

/// <summary>Message in, reply out through the fake Bot Connector: the token, retries, outages, restarts, redeliveries.</summary>
public sealed class ReplyDeliveryTests : EndToEndTest
{
    private static readonly string PersonalChat =
        System.Text.Json.Nodes.JsonNode.Parse(OracleActivities.Read("message_personal_chat"))!["conversation"]!["id"]!.GetValue<string>();

    [Fact]
    public async Task A_message_is_answered_through_the_connector_with_the_token_the_login_issued()
    {
        var bot = StartBot();

        var response = await PostAsync(bot, Activity("message_personal_chat"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/amer/tenant-1/v3/conversations/{Escaped(PersonalChat)}/activities/1485983408511", reply.RawTarget);
        Assert.Equal("Bearer " + FakeLoginServer.IssuedToken, reply.Authorization);
        var token = Assert.Single(Login.TokenRequests);
        Assert.Equal(("client_credentials", BotFrameworkSigningServer.AppId, "https://api.botframework.com/.default"),
            (token["grant_type"], token["client_id"], token["scope"]));

        var activity = reply.Json;
        Assert.Equal("message", activity.GetProperty("type").GetString());
        Assert.Equal("28:" + BotFrameworkSigningServer.AppId, activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("1485983408511", activity.GetProperty("replyToId").GetString());
        Assert.False(activity.TryGetProperty("text", out _)); // a card travels alone
        var card = CardOf(reply);
        Assert.Equal("en", card.GetProperty("lang").GetString()); // the activity's locale is en-US
        Assert.Contains("How I can help", card.GetRawText());
        AssertValidCards(("help-en", card));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_sent_again_after_the_delay()
    {
        var bot = StartBot();
        Connector.Then(new FakeBotConnector.Reply(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", RetryAfter: "1"));

        await PostAsync(bot, Activity("message_personal_chat"));

        var delivered = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        var refused = Connector.Requests[0];
        Assert.Equal(429, refused.Status);
        Assert.True(delivered.At - refused.At >= TimeSpan.FromSeconds(0.95), $"retried after {delivered.At - refused.At}");
        Assert.Equal(refused.Body, delivered.Body);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_client_waits_is_honoured_by_the_outbox()
    {
        // The client gives up at once on a long Retry-After; the outbox schedules the message for then.
        var bot = StartBot(new Dictionary<string, string?> { ["BotFramework:Connector:MaxRetryAfter"] = "00:00:00.100" });
        Connector.Then(new FakeBotConnector.Reply(429, RetryAfter: "2"));

        await PostAsync(bot, Activity("message_personal_chat"));

        var delivered = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        Assert.Equal(2, Connector.Requests.Count);
        Assert.True(delivered.At - Connector.Requests[0].At >= TimeSpan.FromSeconds(1.95), $"retried after {delivered.At - Connector.Requests[0].At}");
    }

    [Fact]
    public async Task While_the_connector_is_down_the_reply_waits_and_goes_out_once_it_is_back()
    {
        var bot = StartBot();
        Connector.Down = true;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, Activity("message_personal_chat"))).StatusCode);
        await WaitUntilAsync(() => Connector.DroppedWhileDown >= 6);
        Assert.Empty(Connector.Requests);
        var health = await HealthAsync(bot);
        Assert.Contains("1 pending", health.Outbox);
        Assert.Contains("connector last refused: no answer", health.Teams);

        Connector.Down = false;

        Assert.Single(await Connector.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(15)));
        await SettleAsync();
        Assert.Single(Connector.Requests);
        Assert.Contains("nothing pending", (await HealthAsync(bot)).Outbox);
    }

    [Fact]
    public async Task A_reply_accepted_before_a_restart_is_delivered_once_by_the_next_start()
    {
        var first = StartBot(new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(first, Activity("message_personal_chat"))).StatusCode);
        await SettleAsync();
        Assert.Empty(Connector.Requests);
        await StopAsync(first);

        StartBot();

        Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        await SettleAsync();
        Assert.Single(Connector.Requests);
    }

    [Fact]
    public async Task A_redelivered_activity_is_answered_once()
    {
        var bot = StartBot();
        var activity = Activity("message_personal_chat");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, activity)).StatusCode);

        await Connector.WaitForDeliveriesAsync(1);
        await SettleAsync();
        Assert.Single(Connector.Requests);
    }

    [Fact]
    public async Task A_redelivery_to_another_instance_or_after_a_restart_is_answered_once()
    {
        var activity = Activity("message_personal_chat");
        var first = StartBot(new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(first, activity)).StatusCode);
        var second = StartBot();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(second, activity)).StatusCode);

        await Connector.WaitForDeliveriesAsync(1);
        await SettleAsync();
        Assert.Single(Connector.Requests);
        Assert.Contains(second.Logs.Entries, e => e.Message.Contains("was handled before"));
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_not_retried_and_is_reachable_again_when_they_write()
    {
        var bot = StartBot();
        Connector.Then(FakeBotConnector.Blocked());

        await PostAsync(bot, Activity("message_personal_chat"));
        await WaitUntilAsync(() => Connector.Requests.Count == 1 && Connector.Requests[0].Status == 403);
        await SettleAsync();
        Assert.Single(Connector.Requests);
        var health = await HealthAsync(bot);
        Assert.Contains("403 MessageWritesBlocked", health.Teams);
        Assert.Contains("1 unreachable", health.Outbox);

        await PostAsync(bot, Activity("message_personal_chat", a => a["id"] = "1485983408512"));

        Assert.Single(await Connector.WaitForDeliveriesAsync(1));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }

    internal static async Task<(string Teams, string Outbox, bool TeamsHealthy, int Status)> HealthAsync(DeskBot bot)
    {
        var response = await bot.CreateClient().GetAsync("/healthz?detail=true");
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray().ToList();
        JsonElement Check(string name) => checks.Single(c => c.GetProperty("name").GetString() == name);
        return (Check("teams").GetProperty("detail").GetString()!, Check("outbox").GetProperty("detail").GetString()!,
            Check("teams").GetProperty("healthy").GetBoolean(), (int)response.StatusCode);
    }
}
