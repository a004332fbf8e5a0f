using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

/// <summary>The Connector client against a fake Bot Connector on loopback speaking protocol.md §3.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string PersonalChat = "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-";
    private const string ChannelThread = "19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856";

    private BotFrameworkSigningServer _signing = null!;
    private FakeBotConnector _connector = null!;
    private TeamsBotHost _bot = null!;
    private FixedConnectorToken _tokens = null!;

    public async Task InitializeAsync()
    {
        _signing = await BotFrameworkSigningServer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _tokens = new FixedConnectorToken(FakeBotConnector.Token, "refreshed-token");
        _bot = await TeamsBotHost.StartAsync(_signing, tokens: _tokens, settings: new Dictionary<string, string?>
        {
            ["BotFramework:Connector:MaxRetryAfter"] = "00:00:05",
            ["BotFramework:Connector:AttemptTimeout"] = "00:00:03", // generous: a loaded CI machine must not turn a slow first request into a retry
        });
        // As if an authenticated activity from this service URL had arrived.
        Services.GetRequiredService<ServiceUrlAllowList>().Trust(_connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _signing.DisposeAsync();
    }

    private IServiceProvider Services => _bot.Services;
    private ConnectorClient Client => Services.GetRequiredService<ConnectorClient>();
    private ConnectorConversation Personal => new(_connector.ServiceUrl, PersonalChat, Tenant);

    [Fact]
    public async Task Send_posts_the_activity_with_the_bot_token()
    {
        var id = await Client.SendAsync(Personal, new OutgoingActivity { Text = "Tu ticket INC-000042 está registrado", Locale = "es-ES" });

        Assert.Equal("msg-1", id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/tenant-1/v3/conversations/" + Uri.EscapeDataString(PersonalChat) + "/activities", request.RawTarget);
        Assert.Equal("Bearer " + FakeBotConnector.Token, request.Authorization);
        var body = request.Json;
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("Tu ticket INC-000042 está registrado", body.GetProperty("text").GetString());
        Assert.Equal("28:" + BotFrameworkSigningServer.AppId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(PersonalChat, body.GetProperty("conversation").GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("id", out _));
        Assert.False(body.TryGetProperty("serviceUrl", out _));
    }

    [Fact]
    public async Task A_service_url_without_trailing_slash_gets_exactly_one()
    {
        var conversation = Personal with { ServiceUrl = _connector.ServiceUrl.TrimEnd('/') };

        await Client.SendAsync(conversation, new OutgoingActivity { Text = "hi" });

        Assert.StartsWith("/amer/tenant-1/v3/conversations/", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task Reply_posts_into_the_thread_of_the_activity()
    {
        var thread = Personal with { ConversationId = ChannelThread };

        await Client.ReplyAsync(thread, "1759944781430", new OutgoingActivity { Text = "Claimed by Ana" });

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/amer/tenant-1/v3/conversations/" + Uri.EscapeDataString(ChannelThread) + "/activities/1759944781430", request.RawTarget);
        Assert.Contains("%3Bmessageid%3D", request.RawTarget);
        Assert.Equal("1759944781430", request.Json.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task Update_puts_a_full_replacement_with_the_same_id()
    {
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""").RootElement;

        await Client.UpdateAsync(Personal, "1:12SWreU4430kJA9eZCb1kXDuo6A8KdDEGB6d9TkjuDYM",
            new OutgoingActivity { Attachments = [OutgoingAttachment.AdaptiveCard(card)] });

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("/activities/" + Uri.EscapeDataString("1:12SWreU4430kJA9eZCb1kXDuo6A8KdDEGB6d9TkjuDYM"), request.RawTarget);
        Assert.Equal("1:12SWreU4430kJA9eZCb1kXDuo6A8KdDEGB6d9TkjuDYM", request.Json.GetProperty("id").GetString());
        var attachment = request.Json.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Delete_deletes_the_activity()
    {
        await Client.DeleteAsync(Personal, "1767765488332");

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.EndsWith("/activities/1767765488332", request.RawTarget);
    }

    [Fact]
    public async Task Create_personal_conversation_names_bot_person_and_tenant()
    {
        var created = await Client.CreatePersonalConversationAsync(_connector.ServiceUrl, Tenant, "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g");

        Assert.Equal("a:created-personal-chat", created.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/tenant-1/v3/conversations", request.RawTarget);
        var body = request.Json;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:" + BotFrameworkSigningServer.AppId, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(Tenant, body.GetProperty("tenantId").GetString());
        Assert.Equal(Tenant, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured()
    {
        _connector.Then(new FakeBotConnector.Reply(429, """{"error":{"code":"Throttled"}}""", RetryAfter: "1"));
        var clock = Stopwatch.StartNew();

        Assert.Equal("msg-1", await Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));

        Assert.Equal(2, _connector.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited {clock.Elapsed}");
        var gap = _connector.Requests[1].At - _connector.Requests[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"gap {gap}");
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_honoured()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        _connector.Then(new FakeBotConnector.Reply(503, RetryAfter: at.ToString("r", CultureInfo.InvariantCulture)));

        await Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" });

        Assert.Equal(2, _connector.Requests.Count);
        // The date has whole seconds: the retry comes no earlier than its second.
        Assert.True(_connector.Requests[1].At >= at.AddSeconds(-1), $"{_connector.Requests[1].At:O} vs {at:O}");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried(int status)
    {
        _connector.Then(new FakeBotConnector.Reply(status), new FakeBotConnector.Reply(status));

        Assert.Equal("msg-1", await Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_end_in_a_transient_failure_for_the_outbox()
    {
        _connector.Then(Enumerable.Repeat(new FakeBotConnector.Reply(502), 10).ToArray());

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));

        Assert.True(failure.IsTransient);
        Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
        Assert.Equal(4, _connector.Requests.Count); // 1 + BotFramework:Connector:MaxRetryAttempts (3)
    }

    [Fact]
    public async Task A_Retry_After_too_long_to_wait_is_handed_to_the_outbox()
    {
        _connector.Then(new FakeBotConnector.Reply(429, RetryAfter: "120"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));

        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Blocked_by_the_person_is_unreachable_not_retried()
    {
        _connector.Then(FakeBotConnector.Blocked(), FakeBotConnector.Blocked());

        var failure = await Assert.ThrowsAsync<RecipientUnreachableException>(() => Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));

        Assert.Equal("MessageWritesBlocked", failure.ErrorCode);
        Assert.False(failure.IsTransient);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Blocked_when_opening_a_personal_chat_is_unreachable_too()
    {
        _connector.Then(new FakeBotConnector.Reply(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}"""));

        await Assert.ThrowsAsync<RecipientUnreachableException>(() => Client.CreatePersonalConversationAsync(_connector.ServiceUrl, Tenant, "29:someone"));
    }

    [Fact]
    public async Task Other_refusals_fail_permanently_with_their_code()
    {
        _connector.Then(new FakeBotConnector.Reply(413, """{"error":{"code":"MessageSizeTooBig","message":"Message size too large"}}"""));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));

        Assert.IsNotType<RecipientUnreachableException>(failure);
        Assert.False(failure.IsTransient);
        Assert.Equal("MessageSizeTooBig", failure.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_403_for_another_reason_is_not_unreachable()
    {
        _connector.Then(new FakeBotConnector.Reply(403, """{"error":{"code":"BotDisabledByAdmin","message":"The tenant admin disabled this bot"}}"""));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));

        Assert.IsNotType<RecipientUnreachableException>(failure);
        Assert.Equal("BotDisabledByAdmin", failure.ErrorCode);
    }

    [Fact]
    public async Task A_refused_token_is_refreshed_once()
    {
        _connector.ExpectedToken = "refreshed-token";

        await Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" });

        Assert.Equal(1, _tokens.ForcedRefreshes);
        Assert.Equal(["Bearer " + FakeBotConnector.Token, "Bearer refreshed-token"], _connector.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried()
    {
        _connector.Then(new FakeBotConnector.Reply(200, """{"id":"too-late"}""", Delay: TimeSpan.FromSeconds(10)));

        Assert.Equal("msg-1", await Client.SendAsync(Personal, new OutgoingActivity { Text = "hi" }));
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_connector_that_is_down_is_a_transient_failure()
    {
        var down = _connector.ServiceUrl;
        await _connector.DisposeAsync();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(Personal with { ServiceUrl = down }, new OutgoingActivity { Text = "hi" }));

        Assert.True(failure.IsTransient);
        Assert.Null(failure.StatusCode);
    }

    [Fact]
    public async Task The_token_is_never_sent_to_an_untrusted_service_url()
    {
        await using var stranger = await FakeBotConnector.StartAsync();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendAsync(Personal with { ServiceUrl = stranger.ServiceUrl }, new OutgoingActivity { Text = "hi" }));

        Assert.Equal("UntrustedServiceUrl", failure.ErrorCode);
        Assert.Empty(stranger.Requests);
    }

    [Fact]
    public async Task A_service_url_learned_from_an_authenticated_activity_is_trusted()
    {
        await using var regional = await FakeBotConnector.StartAsync();
        _bot.Handler.Reply = true;

        var response = await _bot.PostAsync(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), regional.ServiceUrl),
            _signing.Token(regional.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer " + FakeBotConnector.Token, Assert.Single(regional.Requests).Authorization);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams", true)]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net.attacker.example/amer/", false)]
    [InlineData("https://example.com/", false)]
    [InlineData("not a url", false)]
    public void Microsofts_Teams_endpoints_are_trusted_without_being_learned(string serviceUrl, bool trusted)
    {
        Assert.Equal(trusted, new ServiceUrlAllowList().IsTrusted(serviceUrl));
    }
}
