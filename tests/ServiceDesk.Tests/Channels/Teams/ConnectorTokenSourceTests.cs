using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Channels.Teams;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

public sealed class ConnectorTokenSourceTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_token_is_reused_until_five_minutes_before_it_expires()
    {
        var credential = new CountingCredential(_time, TimeSpan.FromHours(1));
        var source = new AzureIdentityConnectorTokenSource(credential, _time);

        Assert.Equal("token-1", await source.GetTokenAsync(false, default));
        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await source.GetTokenAsync(false, default));
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await source.GetTokenAsync(false, default));

        Assert.Equal([AzureIdentityConnectorTokenSource.Scope], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task A_forced_refresh_gets_a_new_token_once_for_concurrent_callers()
    {
        var credential = new CountingCredential(_time, TimeSpan.FromHours(1));
        var source = new AzureIdentityConnectorTokenSource(credential, _time);
        await source.GetTokenAsync(false, default);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => source.GetTokenAsync(true, default).AsTask()));

        Assert.All(tokens, t => Assert.Equal("token-2", t));
        Assert.Equal(2, credential.Calls);
    }

    [Theory]
    [InlineData(null, null, "https://login.microsoftonline.com/", "botframework.com")]
    [InlineData("8d3c2a1b-0000-4000-8000-000000000001", null, "https://login.microsoftonline.com/", "8d3c2a1b-0000-4000-8000-000000000001")]
    [InlineData("ignored", "https://127.0.0.1:5001/my-tenant/oauth2/v2.0/token", "https://127.0.0.1:5001/", "my-tenant")]
    public void Token_endpoint_is_derived_from_the_tenant_or_configured(string? tenant, string? endpoint, string host, string expectedTenant)
    {
        var address = TokenEndpointAddress.For(new BotFrameworkOptions { TenantId = tenant, TokenEndpoint = endpoint });

        Assert.Equal(new Uri(host), address.AuthorityHost);
        Assert.Equal(expectedTenant, address.Tenant);
    }

    [Fact]
    public async Task Azure_Identity_gets_the_client_credentials_token_from_the_configured_endpoint()
    {
        var requests = new ConcurrentQueue<(string Path, string Body)>();
        await using var login = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            requests.Enqueue((context.Request.Path.Value!, body));
            if (context.Request.Path.Value!.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                await context.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "from-azure-identity" });
                return;
            }
            // MSAL's tenant discovery for a non-Microsoft authority host.
            var authority = new Uri(new Uri(context.Request.Scheme + "://" + context.Request.Host), "/my-tenant/").ToString();
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["token_endpoint"] = authority + "oauth2/v2.0/token",
                ["authorization_endpoint"] = authority + "oauth2/v2.0/authorize",
                ["issuer"] = authority + "v2.0",
            });
        }), https: true);
        await using var signing = await BotFrameworkSigningServer.StartAsync();
        await using var bot = await TeamsBotHost.StartAsync(signing, settings: new Dictionary<string, string?>
        {
            ["BotFramework:TokenEndpoint"] = new Uri(login.BaseAddress, "my-tenant/oauth2/v2.0/token").ToString(),
        }, useProductionTokenSource: true, configure: services =>
            services.AddHttpClient(TeamsChannelRegistration.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(TestCertificate.TrustingHandler));

        var tokens = bot.Services.GetRequiredService<IConnectorTokenSource>();
        Assert.IsType<AzureIdentityConnectorTokenSource>(tokens);
        Assert.Equal("from-azure-identity", await tokens.GetTokenAsync(false, default));
        Assert.Equal("from-azure-identity", await tokens.GetTokenAsync(false, default));

        var tokenRequest = Assert.Single(requests, r => r.Path == "/my-tenant/oauth2/v2.0/token");
        var form = tokenRequest.Body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(BotFrameworkSigningServer.AppId, form["client_id"]);
        Assert.Equal("test-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Development_mode_sends_no_token()
    {
        await using var bot = await TeamsBotHost.StartAsync(signing: null);

        Assert.Null(await bot.Services.GetRequiredService<IConnectorTokenSource>().GetTokenAsync(false, default));
    }

    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime) : TokenCredential
    {
        private int _calls;
        public int Calls => _calls;
        public ConcurrentBag<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            await Task.Delay(20, cancellationToken);
            foreach (var scope in requestContext.Scopes)
                Scopes.Add(scope);
            var n = Interlocked.Increment(ref _calls);
            return new AccessToken("token-" + n, time.GetUtcNow() + lifetime);
        }
    }
}
