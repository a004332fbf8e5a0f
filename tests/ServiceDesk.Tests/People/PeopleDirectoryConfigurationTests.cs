using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.People;
using ServiceDesk.Tests.People.Support;

namespace ServiceDesk.Tests.People;

public sealed class PeopleDirectoryConfigurationTests
{
    [Fact]
    public async Task Without_Graph_settings_there_is_no_directory_and_no_HTTP_at_all()
    {
        var wire = new RecordingHandler();
        await using var host = await PeopleHost.StartAsync(new Dictionary<string, string?>(), primaryHandler: () => wire);

        Assert.IsType<NoDirectory>(host.Directory);
        Assert.Null(await host.Directory.FindAsync("0b8f5a6e-1111-4000-8000-0000000000a1", default));

        Assert.Empty(wire.Requests);
        var announcement = Assert.Single(host.Logs.Entries, e => e.Category.StartsWith("ServiceDesk.Bot.People", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, announcement.Level);
        Assert.Equal("Graph not configured: requester profiles come from the chat only", announcement.Message);
        var health = await host.GraphProbe.CheckAsync(default);
        Assert.True(health.Healthy);
        Assert.StartsWith("not configured", health.Detail);
    }

    [Fact]
    public async Task Empty_settings_mean_Graph_off()
    {
        await using var host = await PeopleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "",
            ["Graph:ClientId"] = "",
            ["Graph:ClientSecret"] = "",
            ["Graph:BaseUrl"] = "",
        });

        Assert.IsType<NoDirectory>(host.Directory);
    }

    [Fact]
    public void Defaults_are_valid_and_Graph_off()
    {
        var options = new GraphOptions();

        Assert.False(options.IsConfigured);
        Assert.True(Validate(options).Succeeded);
        Assert.Equal(new Uri("https://graph.microsoft.com/v1.0"), options.GraphBaseUrl);
        Assert.Equal(new Uri("https://login.microsoftonline.com/"), options.TokenAuthorityHost);
        Assert.Equal("https://graph.microsoft.com/.default", options.Scope);
        Assert.Equal(TimeSpan.FromHours(6), options.CacheDuration);
    }

    [Fact]
    public void All_three_credentials_turn_Graph_on()
    {
        var options = Configured();

        Assert.True(options.IsConfigured);
        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("Graph:TenantId")]
    [InlineData("Graph:ClientId")]
    [InlineData("Graph:ClientSecret")]
    [InlineData("Graph:BaseUrl")]
    [InlineData("Graph:AuthorityHost")]
    [InlineData("Graph:CacheDuration")]
    [InlineData("Graph:NotFoundCacheDuration")]
    [InlineData("Graph:LookupTimeout")]
    public void Failures_name_the_configuration_key(string key)
    {
        var options = Configured();
        switch (key)
        {
            case "Graph:TenantId": options.TenantId = ""; break;
            case "Graph:ClientId": options.ClientId = null; break;
            case "Graph:ClientSecret": options.ClientSecret = " "; break;
            case "Graph:BaseUrl": options.BaseUrl = "http://graph.microsoft.com/v1.0"; break;
            case "Graph:AuthorityHost": options.AuthorityHost = "login.microsoftonline.com"; break;
            case "Graph:CacheDuration": options.CacheDuration = TimeSpan.FromMinutes(-1); break;
            case "Graph:NotFoundCacheDuration": options.NotFoundCacheDuration = TimeSpan.FromMinutes(-1); break;
            case "Graph:LookupTimeout": options.LookupTimeout = TimeSpan.Zero; break;
        }

        var result = Validate(options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_secret_names_both_missing_keys_and_never_shows_the_secret()
    {
        var result = Validate(new GraphOptions { ClientSecret = "the-secret-value" });

        Assert.Equal(["Graph:ClientId", "Graph:TenantId"], result.Failures!.Select(f => f.Split(' ')[0]).Order());
        Assert.DoesNotContain(result.Failures!, f => f.Contains("the-secret-value"));
    }

    [Fact]
    public async Task The_host_does_not_start_with_half_a_registration()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PeopleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "contoso.onmicrosoft.com",
            ["Graph:ClientSecret"] = "the-secret-value",
            ["Graph:BaseUrl"] = "not a url",
        }));

        Assert.Contains("Graph:ClientId", failure.Message);
        Assert.Contains("Graph:BaseUrl", failure.Message);
        Assert.DoesNotContain("the-secret-value", failure.Message);
    }

    [Fact]
    public void A_national_cloud_gets_its_own_scope()
    {
        Assert.Equal("https://graph.microsoft.us/.default", new GraphOptions { BaseUrl = "https://graph.microsoft.us/v1.0" }.Scope);
    }

    private static GraphOptions Configured() => new() { TenantId = "contoso.onmicrosoft.com", ClientId = "client", ClientSecret = "secret" };

    private static ValidateOptionsResult Validate(GraphOptions options) => new GraphOptionsValidator().Validate(null, options);

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<Uri?> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request.RequestUri);
            throw new InvalidOperationException("No HTTP is expected without Graph settings.");
        }
    }
}
