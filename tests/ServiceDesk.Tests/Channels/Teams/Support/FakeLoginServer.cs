using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>
/// Stands in for login.microsoftonline.com over HTTPS: the client-credentials token endpoint of one
/// tenant (and the discovery document MSAL reads first). Issues <see cref="IssuedToken"/> to the right
/// secret; with <see cref="RefuseCredentials"/> it answers as Entra does for an expired secret.
/// </summary>
internal sealed class FakeLoginServer : IAsyncDisposable
{
    public const string Tenant = "e2e-tenant";
    public const string Secret = "e2e-secret";
    public const string IssuedToken = "issued-by-the-fake-login";

    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private LoopbackServer? _server;

    public string TokenEndpoint => new Uri(_server!.BaseAddress, $"{Tenant}/oauth2/v2.0/token").ToString();
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => _tokenRequests.ToList();
    public bool RefuseCredentials { get; set; }

    public static async Task<FakeLoginServer> StartAsync()
    {
        var login = new FakeLoginServer();
        login._server = await LoopbackServer.StartAsync(app => app.Run(login.HandleAsync), https: true);
        return login;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var form = body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
            _tokenRequests.Enqueue(form);
            if (RefuseCredentials || form.GetValueOrDefault("client_secret") != Secret)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["error"] = "invalid_client",
                    ["error_description"] = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.",
                    ["error_codes"] = new[] { 7000215 },
                });
                return;
            }
            await context.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = IssuedToken });
            return;
        }
        // MSAL's tenant discovery for an authority host that is not Microsoft's.
        var authority = new Uri(new Uri(context.Request.Scheme + "://" + context.Request.Host), $"/{Tenant}/").ToString();
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["token_endpoint"] = authority + "oauth2/v2.0/token",
            ["authorization_endpoint"] = authority + "oauth2/v2.0/authorize",
            ["issuer"] = authority + "v2.0",
        });
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
