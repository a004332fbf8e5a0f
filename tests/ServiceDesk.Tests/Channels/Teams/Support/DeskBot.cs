using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Teams;
using ServiceDesk.Bot.Channels.Teams.Authentication;

namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>
/// The whole bot as Program.cs builds it (WebApplicationFactory), on a real SQLite file, with
/// Microsoft's endpoints replaced by loopback stand-ins: signing keys, the token endpoint, the Bot
/// Connector. Several instances may share one database file (a restart, a second instance).
/// </summary>
internal sealed class DeskBot : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configure;

    private DeskBot(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        _settings = settings;
        _configure = configure;
    }

    public TestLogs Logs { get; } = new();

    /// <param name="databaseFile">Shared by the hosts of one test.</param>
    public static DeskBot Start(string databaseFile, BotFrameworkSigningServer signing, FakeLoginServer login,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ServiceDesk"] = $"Data Source={databaseFile}",
            ["BotFramework:AppId"] = BotFrameworkSigningServer.AppId,
            ["BotFramework:AppPassword"] = FakeLoginServer.Secret,
            ["BotFramework:OpenIdMetadataUrl"] = signing.MetadataUrl.ToString(),
            ["BotFramework:TokenEndpoint"] = login.TokenEndpoint,
            ["BotFramework:Connector:RetryBaseDelay"] = "00:00:00.050",
            ["Outbox:PollInterval"] = "00:00:00.250",
            ["Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["Outbox:RetryMaxDelay"] = "00:00:00.500",
            ["ServiceDesk:DefaultLocale"] = "es-ES",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var bot = new DeskBot(all, configure);
        _ = bot.Server; // start now, so the database is migrated before the first request
        return bot;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services =>
        {
            // Only the test trusts the stand-ins' certificate; production clients validate normally.
            services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(TestCertificate.TrustingHandler);
            services.AddHttpClient(TeamsChannelRegistration.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(TestCertificate.TrustingHandler);
            _configure?.Invoke(services);
        });
    }

    public Task<HttpResponseMessage> PostAsync(string activityJson, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return CreateClient().SendAsync(request);
    }

    /// <summary>An oracle activity pointed at the fake connector, with changes.</summary>
    public static string Activity(string oracleName, string serviceUrl, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(OracleActivities.Read(oracleName))!.AsObject();
        node["serviceUrl"] = serviceUrl;
        change?.Invoke(node);
        return node.ToJsonString();
    }
}
