using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>
/// A Bot Connector (protocol.md §3) on loopback: records every request, checks the bearer token,
/// and answers scripted failures (429 with Retry-After, 403 MessageWritesBlocked, ...) before succeeding.
/// </summary>
internal sealed class FakeBotConnector : IAsyncDisposable
{
    public const string Token = "connector-test-token";

    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private LoopbackServer? _server;
    private int _ids;

    /// <param name="Delay">How long to sit on the request first (a connector that hangs).</param>
    public sealed record Reply(int Status, string? Body = null, string? RetryAfter = null, TimeSpan? Delay = null);

    public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset At)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        /// <summary>What the connector answered (set once answered).</summary>
        public int Status { get; set; }
    }

    /// <summary>With a trailing path like Teams' regional service URLs.</summary>
    public string ServiceUrl => new Uri(_server!.BaseAddress, "amer/tenant-1/").ToString();
    public string? ExpectedToken { get; set; } = Token;
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();
    /// <summary>The requests answered with success: what the channel actually shows.</summary>
    public IReadOnlyList<RecordedRequest> Delivered => _requests.Where(r => r.Status is >= 200 and < 300).ToList();
    /// <summary>Asked for every request the script does not answer: a reply of its own (a 429 now and then, a blocked person), or null for success.</summary>
    public Func<RecordedRequest, Reply?>? Answering { get; set; }
    /// <summary>While true every connection is dropped unanswered, as when the service is down.</summary>
    public bool Down { get; set; }
    public int DroppedWhileDown => Volatile.Read(ref _dropped);
    private int _dropped;

    /// <summary>Waits until <paramref name="count"/> requests were delivered (answered with success).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForDeliveriesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Delivered.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} deliveries, got {Delivered.Count} (requests: {string.Join(", ", Requests.Select(r => $"{r.Method} {r.RawTarget} {r.Status}"))}).");
            await Task.Delay(20);
        }
        return Delivered;
    }

    public static async Task<FakeBotConnector> StartAsync()
    {
        var connector = new FakeBotConnector();
        connector._server = await LoopbackServer.StartAsync(app => app.Run(connector.HandleAsync), https: false);
        return connector;
    }

    public void Then(params Reply[] replies)
    {
        foreach (var reply in replies)
            _script.Enqueue(reply);
    }

    public static Reply Blocked() => new(403,
        """{"error":{"code":"Forbidden","message":"Thread is blocked from message writes","innerHttpError":{"statusCode":403,"body":{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"User blocked the bot"}}}}}""");

    private async Task HandleAsync(HttpContext context)
    {
        if (Down)
        {
            Interlocked.Increment(ref _dropped);
            context.Abort();
            return;
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var auth = context.Request.Headers.Authorization.ToString();
        var recorded = new RecordedRequest(context.Request.Method, raw, auth.Length == 0 ? null : auth, body, DateTimeOffset.UtcNow);
        context.Response.OnStarting(() =>
        {
            recorded.Status = context.Response.StatusCode;
            return Task.CompletedTask;
        });
        _requests.Enqueue(recorded);
        await AnswerAsync(context, recorded);
        recorded.Status = context.Response.StatusCode;
    }

    private async Task AnswerAsync(HttpContext context, RecordedRequest recorded)
    {
        var auth = context.Request.Headers.Authorization.ToString();

        if (ExpectedToken is not null && auth != "Bearer " + ExpectedToken)
        {
            context.Response.StatusCode = 401;
            return;
        }
        var scripted = _script.TryDequeue(out var next) ? next : Answering?.Invoke(recorded);
        if (scripted is not null)
        {
            if (scripted.Delay is { } delay)
                await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { });
            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            if (scripted.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body);
            }
            return;
        }

        var path = context.Request.Path.Value ?? "";
        if (context.Request.Method == "DELETE")
            return;
        context.Response.ContentType = "application/json";
        if (path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 201;
            await context.Response.WriteAsync("""{"id":"a:created-personal-chat","activityId":null}""");
            return;
        }
        var id = context.Request.Method == "PUT" ? path[(path.LastIndexOf('/') + 1)..] : "msg-" + Interlocked.Increment(ref _ids);
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { id }));
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
