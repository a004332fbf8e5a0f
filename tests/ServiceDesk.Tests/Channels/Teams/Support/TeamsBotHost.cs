using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Teams;
using ServiceDesk.Bot.Channels.Teams.Authentication;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Storage;

namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>
/// The Teams channel alone, in memory, configured the way Program.cs will: AddTeamsChannel +
/// MapTeamsChannel, with a recording turn handler and the signing keys served by a loopback stand-in.
/// </summary>
internal sealed class TeamsBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeamsBotHost(WebApplication app, TestLogs logs)
    {
        _app = app;
        Logs = logs;
        Client = app.GetTestClient();
        Handler = app.Services.GetRequiredService<RecordingTurnHandler>();
    }

    public HttpClient Client { get; }
    public RecordingTurnHandler Handler { get; }
    public TestLogs Logs { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="signing">Null starts in development mode (no App ID).</param>
    /// <param name="remoteAddress">The caller's address as the endpoint sees it (the in-memory server has none).</param>
    public static async Task<TeamsBotHost> StartAsync(BotFrameworkSigningServer? signing, IPAddress? remoteAddress = null,
        IDictionary<string, string?>? settings = null, IConnectorTokenSource? tokens = null,
        bool useProductionTokenSource = false, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TeamsBotHost).Assembly.GetName().Name,
            EnvironmentName = "Development",
        });
        builder.WebHost.UseTestServer();
        var configuration = new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = signing is null ? "" : BotFrameworkSigningServer.AppId,
            ["BotFramework:AppPassword"] = signing is null ? "" : "test-secret",
            ["BotFramework:Connector:RetryBaseDelay"] = "00:00:00.010",
        };
        if (signing is not null)
            configuration["BotFramework:OpenIdMetadataUrl"] = signing.MetadataUrl.ToString();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);

        var logs = new TestLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);

        builder.Services.AddTeamsChannel(builder.Configuration);
        // The channel's outbox sender reads conversation references; these hosts never send through it.
        builder.Services.AddServiceDeskStorage(new StorageOptions { ConnectionString = "Data Source=unused-by-channel-tests.db", BaseDirectory = Path.GetTempPath() });
        builder.Services.AddSingleton<RecordingTurnHandler>();
        builder.Services.AddSingleton<ITurnHandler>(sp => sp.GetRequiredService<RecordingTurnHandler>());
        if (signing is not null && !useProductionTokenSource)
            builder.Services.AddSingleton(tokens ?? new FixedConnectorToken(FakeBotConnector.Token));
        // The production client validates certificates normally; only this test trusts the stand-in's.
        builder.Services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(TestCertificate.TrustingHandler);

        configure?.Invoke(builder.Services);

        var app = builder.Build();
        if (remoteAddress is not null)
            app.Use((context, next) =>
            {
                context.Connection.RemoteIpAddress = remoteAddress;
                return next(context);
            });
        app.MapTeamsChannel();
        await app.StartAsync();
        return new TeamsBotHost(app, logs);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? token = null, string? scheme = "Bearer")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme!, token);
        return Client.SendAsync(request);
    }

    /// <summary>An oracle activity with its serviceUrl pointed at the fake connector, so that replies can be observed.</summary>
    public static string WithServiceUrl(string activityJson, string serviceUrl)
    {
        var node = JsonNode.Parse(activityJson)!.AsObject();
        node["serviceUrl"] = serviceUrl;
        return node.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class TestLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
