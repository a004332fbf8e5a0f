using System.Text.Json;
using ServiceDesk.Tests.Channels.Teams.Support;
using ServiceDesk.Tests.Schemas;

namespace ServiceDesk.Tests.Channels.Teams.EndToEnd;

/// <summary>
/// Per test: the stand-ins for Microsoft's endpoints and a database file the test's bot instances share.
/// </summary>
public abstract class EndToEndTest : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdbot-e2e-").FullName;
    private readonly List<DeskBot> _bots = [];

    internal BotFrameworkSigningServer Signing { get; private set; } = null!;
    internal FakeLoginServer Login { get; private set; } = null!;
    internal FakeBotConnector Connector { get; private set; } = null!;
    protected string DatabaseFile => Path.Combine(_folder, "servicedesk.db");

    public async Task InitializeAsync()
    {
        Signing = await BotFrameworkSigningServer.StartAsync();
        Login = await FakeLoginServer.StartAsync();
        Connector = await FakeBotConnector.StartAsync();
        Connector.ExpectedToken = FakeLoginServer.IssuedToken;
    }

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots) await bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Login.DisposeAsync();
        await Signing.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    internal DeskBot StartBot(IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var bot = DeskBot.Start(DatabaseFile, Signing, Login, settings, configure);
        _bots.Add(bot);
        return bot;
    }

    /// <summary>A bot instance stopped (and its process gone, as far as the database is concerned).</summary>
    internal async Task StopAsync(DeskBot bot)
    {
        _bots.Remove(bot);
        await bot.DisposeAsync();
    }

    internal Task<HttpResponseMessage> PostAsync(DeskBot bot, string activityJson) =>
        bot.PostAsync(activityJson, Signing.Token(Connector.ServiceUrl));

    internal string Activity(string oracleName, Action<System.Text.Json.Nodes.JsonObject>? change = null) =>
        DeskBot.Activity(oracleName, Connector.ServiceUrl, change);

    /// <summary>Lets the dispatcher run a while, so that "nothing more was sent" means something.</summary>
    protected static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    internal static JsonElement CardOf(FakeBotConnector.RecordedRequest request)
    {
        var attachment = Assert.Single(request.Json.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    /// <summary>Every card the tests see must render in Teams: Adaptive Cards 1.5.</summary>
    protected static void AssertValidCards(params (string Name, JsonElement Card)[] cards) =>
        SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard, cards.Select(c => (c.Name + ".json", c.Card.GetRawText())).ToArray());

    protected static string Escaped(string id) => Uri.EscapeDataString(id);

    /// <summary>The card's JSON with its text readable (the bot escapes non-ASCII, as JSON allows).</summary>
    protected static string Readable(JsonElement card) =>
        JsonSerializer.Serialize(card, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The conversation id of an oracle activity, as the bot must address it.</summary>
    protected static string ConversationOf(string oracleName) =>
        System.Text.Json.Nodes.JsonNode.Parse(OracleActivities.Read(oracleName))!["conversation"]!["id"]!.GetValue<string>();
}
