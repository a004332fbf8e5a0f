using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotFrameworkSigningServer _signing = null!;
    private FakeBotConnector _connector = null!;
    private TeamsBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _signing = await BotFrameworkSigningServer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _bot = await TeamsBotHost.StartAsync(_signing);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _signing.DisposeAsync();
    }

    public static TheoryData<string> Oracle => new(OracleActivities.Names);

    [Theory]
    [MemberData(nameof(Oracle))]
    public async Task Every_oracle_activity_is_accepted_and_routed(string name)
    {
        _bot.Handler.Reply = false; // their serviceUrls are Microsoft's: nothing leaves the machine
        var json = OracleActivities.Read(name);
        var serviceUrl = JsonNode.Parse(json)!["serviceUrl"]!.GetValue<string>();

        var response = await _bot.PostAsync(json, _signing.Token(serviceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = TeamsActivityTranslatorTests.OracleKinds.Single(row => (string)row[0] == name)[1];
        if (expected is TurnKind.Ignored)
        {
            Assert.Empty(_bot.Handler.Turns);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }
        else
        {
            var turn = Assert.Single(_bot.Handler.Turns);
            Assert.Equal(expected, turn.Kind);
        }
    }

    [Fact]
    public async Task Card_action_invoke_is_answered_with_the_handlers_card()
    {
        var (json, token) = Invoke();

        var response = await _bot.PostAsync(json, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.GetProperty("value").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invoke_nobody_answers_gets_501_like_the_Bot_Framework_adapter()
    {
        _bot.Handler.AnswerInvokes = false;
        var (json, token) = Invoke();

        Assert.Equal(HttpStatusCode.NotImplemented, (await _bot.PostAsync(json, token)).StatusCode);
    }

    [Fact]
    public async Task Unknown_invoke_gets_501_without_reaching_the_handler()
    {
        var (json, token) = Invoke(node => node["name"] = "composeExtension/query");

        Assert.Equal(HttpStatusCode.NotImplemented, (await _bot.PostAsync(json, token)).StatusCode);
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task Malformed_card_action_invoke_gets_400_with_an_error_body()
    {
        var (json, token) = Invoke(node => node["value"] = JsonNode.Parse("""{"trigger":"manual"}"""));

        var response = await _bot.PostAsync(json, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Contains("value.action", body.GetProperty("value").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Redelivered_message_is_handled_once_and_answered_once()
    {
        var serviceUrl = _connector.ServiceUrl;
        var json = TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl);

        var first = await _bot.PostAsync(json, _signing.Token(serviceUrl));
        var second = await _bot.PostAsync(json, _signing.Token(serviceUrl));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_bot.Handler.Turns);
        Assert.Single(_connector.Requests);
        Assert.Contains(_bot.Logs.Entries, e => e.Message.Contains("Redelivered activity msteams/1485983408511"));
    }

    [Fact]
    public async Task Concurrent_redeliveries_are_handled_once()
    {
        var serviceUrl = _connector.ServiceUrl;
        var json = TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl);
        var release = new TaskCompletionSource();
        _bot.Handler.Before = _ => release.Task;

        var posts = Enumerable.Range(0, 5).Select(_ => _bot.PostAsync(json, _signing.Token(serviceUrl))).ToList();
        await Task.Delay(100);
        release.SetResult();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(_bot.Handler.Turns);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Redelivered_invoke_gets_the_first_answer_again()
    {
        var (json, token) = Invoke();

        var first = await (await _bot.PostAsync(json, token)).Content.ReadAsStringAsync();
        var second = await _bot.PostAsync(json, token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
        Assert.Single(_bot.Handler.Turns);
    }

    [Fact]
    public async Task A_failed_turn_is_handled_again_when_redelivered()
    {
        var serviceUrl = _connector.ServiceUrl;
        var json = TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl);
        var calls = 0;
        _bot.Handler.Before = _ => ++calls == 1 ? throw new InvalidOperationException("database briefly down") : Task.CompletedTask;

        var first = await _bot.PostAsync(json, _signing.Token(serviceUrl));
        var second = await _bot.PostAsync(json, _signing.Token(serviceUrl));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _bot.Handler.Turns.Count);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Different_activities_are_not_confused()
    {
        var serviceUrl = _connector.ServiceUrl;
        var first = TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl);
        var second = JsonNode.Parse(first)!;
        second["id"] = "1485983408512";

        await _bot.PostAsync(first, _signing.Token(serviceUrl));
        await _bot.PostAsync(second.ToJsonString(), _signing.Token(serviceUrl));

        Assert.Equal(2, _bot.Handler.Turns.Count);
    }

    [Theory]
    [InlineData("{ not json", "not a valid activity")]
    [InlineData("[1,2,3]", "not a valid activity")]
    [InlineData("null", "not a JSON object")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"a:1"},"from":{"id":"29:1"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"SERVICE","from":{"id":"29:1"}}""", "'conversation.id'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"SERVICE","conversation":{"id":"a:1"},"from":{"id":"29:1"},"timestamp":"yesterday"}""", "not a valid activity")]
    [InlineData("""{"type":7,"channelId":"msteams","serviceUrl":"SERVICE","conversation":{"id":"a:1"},"from":{"id":"29:1"}}""", "not a valid activity")]
    public async Task Malformed_bodies_from_a_genuine_sender_get_400_with_a_reason(string body, string reason)
    {
        var serviceUrl = _connector.ServiceUrl;
        var response = await _bot.PostAsync(body.Replace("SERVICE", serviceUrl), _signing.Token(serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task Oversized_bodies_get_413()
    {
        var serviceUrl = _connector.ServiceUrl;
        var json = JsonNode.Parse(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl))!;
        json["text"] = new string('x', 300 * 1024);

        var response = await _bot.PostAsync(json.ToJsonString(), _signing.Token(serviceUrl));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Handler.Turns);
    }

    [Fact]
    public async Task Oversized_chunked_bodies_get_413()
    {
        var serviceUrl = _connector.ServiceUrl;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new MemoryStream(new byte[300 * 1024])),
        };
        request.Headers.Authorization = new("Bearer", _signing.Token(serviceUrl));
        request.Headers.TransferEncodingChunked = true;

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Only_POST_is_served()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _bot.Client.GetAsync("/api/messages")).StatusCode);
    }

    private (string Json, string Token) Invoke(Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(OracleActivities.Read("invoke_adaptiveCard_action_Action.Execute_personal"))!.AsObject();
        change?.Invoke(node);
        var serviceUrl = node["serviceUrl"]!.GetValue<string>();
        return (node.ToJsonString(), _signing.Token(serviceUrl));
    }
}
