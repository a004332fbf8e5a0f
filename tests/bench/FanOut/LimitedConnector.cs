using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ServiceDesk.Bench.FanOut;

/// <summary>
/// A Bot Connector on loopback that keeps Teams' limits itself, the strictest way: a call is accepted only if,
/// counting it, no interval of a window's length holds more accepted calls than the window's permits (per
/// conversation and per tenant; the tenant is the service URL's last segment). Anything over is answered 429
/// with the Retry-After (whole seconds, at least 1) after which it would fit. Some calls (seeded) are answered
/// 429 with Retry-After: 1 whatever the load, as Teams does now and then. Refused calls do not count.
/// </summary>
internal sealed class LimitedConnector(Limits limits, double randomThrottle, int seed) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, List<long>> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> _acceptedAt = new();
    private WebApplication? _app;
    private int _ids;

    public int Requests;
    public int RandomThrottles;
    public int ConversationThrottles;
    public int TenantThrottles;
    public long FirstAcceptedAt = long.MaxValue;
    public long LastAcceptedAt;
    public string ServiceUrlFor(string tenant) => new Uri(_app!.Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + $"/teams/{tenant}/").ToString();

    /// <summary>Messages accepted (2xx) per conversation.</summary>
    public IReadOnlyDictionary<string, int> Accepted => _accepted;
    public IEnumerable<long> AcceptedAt => _acceptedAt;

    /// <summary>Forgets what was accepted and counted, not what the limits remember.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _accepted.Clear();
            _acceptedAt.Clear();
            Requests = RandomThrottles = ConversationThrottles = TenantThrottles = 0;
            FirstAcceptedAt = long.MaxValue;
            LastAcceptedAt = 0;
        }
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/teams/{tenant}/v3/conversations/{conversation}/activities", (string tenant, string conversation, HttpContext http) =>
            Answer(http, tenant, conversation, () => new { id = "msg-" + Interlocked.Increment(ref _ids) }));
        _app.MapPost("/teams/{tenant}/v3/conversations", async (string tenant, HttpContext http) =>
        {
            // Opening a chat is a call of the person's thread and of the tenant, like a send.
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var member = body.RootElement.GetProperty("members")[0].GetProperty("id").GetString()!;
            return Answer(http, tenant, member, () => new { id = "a:chat-" + member }, countAsMessage: false);
        });
        await _app.StartAsync();
    }

    private IResult Answer(HttpContext http, string tenant, string conversation, Func<object> success, bool countAsMessage = true)
    {
        Interlocked.Increment(ref Requests);
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_random.NextDouble() < randomThrottle)
            {
                RandomThrottles++;
                return Throttle(http, 1);
            }
            var byConversation = Log(_conversations, conversation);
            var byTenant = Log(_tenants, tenant);
            if (Wait(byConversation, limits.PerConversation, now) is { } conversationWait)
            {
                ConversationThrottles++;
                return Throttle(http, conversationWait);
            }
            if (Wait(byTenant, limits.PerTenant, now) is { } tenantWait)
            {
                TenantThrottles++;
                return Throttle(http, tenantWait);
            }
            Keep(byConversation, now, limits.PerConversation);
            Keep(byTenant, now, limits.PerTenant);
            if (countAsMessage)
            {
                _accepted.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                _acceptedAt.Enqueue(now);
                FirstAcceptedAt = Math.Min(FirstAcceptedAt, now);
                LastAcceptedAt = Math.Max(LastAcceptedAt, now);
            }
        }
        return Results.Json(success(), statusCode: 201);
    }

    private static IResult Throttle(HttpContext http, double seconds)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(seconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { error = new { code = "TooManyRequests", message = "Too many requests" } }, statusCode: 429);
    }

    private static List<long> Log(Dictionary<string, List<long>> logs, string key)
    {
        if (!logs.TryGetValue(key, out var log)) logs[key] = log = [];
        return log;
    }

    /// <returns>Seconds until the call would fit every window, or null when it fits now.</returns>
    private static double? Wait(List<long> log, IReadOnlyList<(int Permits, TimeSpan Window)> windows, long now)
    {
        double? wait = null;
        foreach (var (permits, window) in windows)
        {
            var length = (long)(window.TotalSeconds * Stopwatch.Frequency);
            var inside = 0;
            for (var i = log.Count - 1; i >= 0 && log[i] > now - length; i--) inside++;
            if (inside < permits) continue;
            // The permits-th latest accepted call must leave the window first.
            var leaves = log[log.Count - permits] + length;
            var seconds = (leaves - now) / (double)Stopwatch.Frequency;
            wait = Math.Max(wait ?? 0, seconds);
        }
        return wait;
    }

    private static void Keep(List<long> log, long now, IReadOnlyList<(int Permits, TimeSpan Window)> windows)
    {
        log.Add(now);
        var kept = windows.Count == 0 ? 0 : windows.Max(w => w.Permits);
        if (log.Count > kept) log.RemoveRange(0, log.Count - kept);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Teams' limits as the bot's configuration states them (<c>permits/window, ...</c>), read independently of the bot's code.</summary>
internal sealed record Limits(string ConversationText, string TenantText)
{
    public IReadOnlyList<(int Permits, TimeSpan Window)> PerConversation { get; } = Parse(ConversationText);
    public IReadOnlyList<(int Permits, TimeSpan Window)> PerTenant { get; } = Parse(TenantText);

    private static List<(int, TimeSpan)> Parse(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.Split('/', 2))
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), TimeSpan.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
}
