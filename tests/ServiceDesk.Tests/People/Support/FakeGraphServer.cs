using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.People.Support;

/// <summary>
/// Microsoft Graph and its token endpoint on loopback over HTTPS (protocol.md §7): client-credentials tokens
/// for one app, <c>/v1.0/users/{id}</c> answering only the <c>$select</c>ed fields, <c>/v1.0/users/{id}/manager</c>,
/// Graph's 404 and 401 bodies, and scripted replies (429 + Retry-After, 5xx, a hang) before the normal answer.
/// </summary>
internal sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Tenant = "7b1d2c3e-0000-4000-8000-00000000a001";
    public const string ClientId = "3f2e1d0c-0000-4000-8000-00000000c001";
    public const string ClientSecret = "graph-secret-that-must-never-be-logged";
    public const string AccessToken = "graph-access-token";

    private readonly ConcurrentDictionary<string, FakeUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private LoopbackServer? _server;

    public sealed record FakeUser(string Id, string DisplayName, string? Department = null, string? JobTitle = null,
        string? OfficeLocation = null, string? Mail = null, string? PreferredLanguage = null, string? ManagerId = null);

    /// <param name="Delay">How long to sit on the request first (a Graph that hangs).</param>
    public sealed record Reply(int Status, string? RetryAfter = null, TimeSpan? Delay = null);

    public sealed record RecordedRequest(string Path, string? Select, string? Authorization, DateTimeOffset At);

    public Uri BaseAddress { get; private set; } = null!;
    public string ExpectedScope => BaseAddress.GetLeftPart(UriPartial.Authority) + "/.default";
    /// <summary>Graph calls, token requests excluded.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => _tokenRequests.ToList();
    public ConcurrentQueue<string> UnexpectedPaths { get; } = new();

    /// <summary>The <c>Graph:*</c> settings that point the bot here.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Graph:TenantId"] = Tenant,
        ["Graph:ClientId"] = ClientId,
        ["Graph:ClientSecret"] = ClientSecret,
        ["Graph:BaseUrl"] = new Uri(BaseAddress, "v1.0").ToString(),
        ["Graph:AuthorityHost"] = BaseAddress.ToString(),
    };

    public static async Task<FakeGraphServer> StartAsync()
    {
        var graph = new FakeGraphServer();
        graph._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", graph.IssueTokenAsync);
            // MSAL reads the authority's metadata before its first token request when instance discovery is off.
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(graph.Metadata(tenant)));
            app.MapGet("/v1.0/users/{id}", (HttpContext context, string id) => graph.AnswerAsync(context, id, manager: false));
            app.MapGet("/v1.0/users/{id}/manager", (HttpContext context, string id) => graph.AnswerAsync(context, id, manager: true));
            app.MapFallback((HttpContext context) =>
            {
                graph.UnexpectedPaths.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
                return Results.NotFound();
            });
        }, https: true);
        graph.BaseAddress = graph._server.BaseAddress;
        return graph;
    }

    public FakeUser Add(FakeUser user) => _users[user.Id] = user;

    /// <summary>The next Graph calls answer these, in order, before normal answers resume.</summary>
    public void Then(params Reply[] replies)
    {
        foreach (var reply in replies)
            _script.Enqueue(reply);
    }

    private Dictionary<string, object> Metadata(string tenant)
    {
        var authority = new Uri(BaseAddress, tenant + "/").ToString();
        return new()
        {
            ["issuer"] = authority + "v2.0",
            ["token_endpoint"] = authority + "oauth2/v2.0/token",
            ["authorization_endpoint"] = authority + "oauth2/v2.0/authorize",
        };
    }

    private async Task<IResult> IssueTokenAsync(HttpContext context, string tenant)
    {
        var form = (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        _tokenRequests.Enqueue(form);
        if (tenant != Tenant || form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
            return Results.Json(new
            {
                error = "invalid_client",
                error_description = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.",
                error_codes = new[] { 7000215 },
            }, statusCode: 401);
        if (form.GetValueOrDefault("grant_type") != "client_credentials" || form.GetValueOrDefault("scope") != ExpectedScope)
            return Results.Json(new { error = "invalid_request", error_description = "AADSTS900144: unexpected grant or scope" }, statusCode: 400);
        return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = AccessToken });
    }

    private async Task<IResult> AnswerAsync(HttpContext context, string id, bool manager)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var select = context.Request.Query["$select"].ToString();
        _requests.Enqueue(new RecordedRequest(context.Request.Path.Value!, select.Length == 0 ? null : select,
            authorization.Length == 0 ? null : authorization, DateTimeOffset.UtcNow));

        if (authorization != "Bearer " + AccessToken)
            return Error(401, "InvalidAuthenticationToken", "Access token is empty.");
        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.Delay is { } delay)
                await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { });
            if (scripted.RetryAfter is not null)
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            return scripted.Status == 429
                ? Error(429, "TooManyRequests", "Too many requests.")
                : Error(scripted.Status, "generalException", "Scripted failure.");
        }

        if (!_users.TryGetValue(id, out var user))
            return NotFound(id);
        if (!manager)
            return Results.Json(Selected(user, select));
        if (user.ManagerId is null || !_users.TryGetValue(user.ManagerId, out var boss))
            return NotFound("manager");
        return Results.Json(Selected(boss, select, withODataType: true));
    }

    // Like Graph: with $select, only those properties come back.
    private static Dictionary<string, object?> Selected(FakeUser user, string select, bool withODataType = false)
    {
        var all = new Dictionary<string, object?>
        {
            ["id"] = user.Id,
            ["displayName"] = user.DisplayName,
            ["department"] = user.Department,
            ["jobTitle"] = user.JobTitle,
            ["officeLocation"] = user.OfficeLocation,
            ["mail"] = user.Mail,
            ["preferredLanguage"] = user.PreferredLanguage,
        };
        var fields = select.Length == 0 ? ["id", "displayName", "jobTitle", "officeLocation", "mail", "preferredLanguage"] : select.Split(',');
        var answer = new Dictionary<string, object?>();
        if (withODataType)
            answer["@odata.type"] = "#microsoft.graph.user";
        foreach (var field in fields)
            if (all.TryGetValue(field, out var value))
                answer[field] = value;
        return answer;
    }

    private static IResult NotFound(string what) =>
        Error(404, "Request_ResourceNotFound", $"Resource '{what}' does not exist or one of its queried reference-property objects are not present.");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message, innerError = new { date = DateTime.UtcNow, requestId = Guid.NewGuid() } } }, statusCode: status);

    /// <summary>Also how a test takes Graph down; disposing twice is harmless.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _server, null) is { } server)
            await server.DisposeAsync();
    }
}
