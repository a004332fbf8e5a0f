using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Bench.FanOut;

// Fan-out of outage notices under Teams' limits (issue #6 item 5). See ../fan-out.sh for what it measures.
var n = Env.Int("N", 10_000);
// A bot that has run for a while when the outage comes: its code compiled, its connections open.
var warmup = Env.Int("WARMUP", 200);
var seed = Env.Int("SEED", 42);
var randomThrottle = double.Parse(Env.Text("RANDOM_429", "0.02"), CultureInfo.InvariantCulture);
var stallTimeout = TimeSpan.FromSeconds(Env.Int("STALL_TIMEOUT", 60));
var botDll = Env.Text("BOT_DLL", "");
var work = Env.Text("WORK", Directory.CreateTempSubdirectory("fan-out-").FullName);
var botPort = Env.Int("BOT_PORT", 5978);
const string Tenant = "tenant-fanout";
// The one place the numbers live: given to the bot as its configuration and to the fake connector as what it enforces.
var limits = new Limits(Env.Text("CONVERSATION_LIMITS", "7/00:00:01, 8/00:00:02, 60/00:00:30"), Env.Text("TENANT_LIMITS", "50/00:00:01"));
if (!File.Exists(botDll)) return Fail($"BOT_DLL '{botDll}' is not the built bot (tests/bench/fan-out.sh builds it)");

await using var connector = new LimitedConnector(limits, randomThrottle, seed);
await connector.StartAsync();
var serviceUrl = connector.ServiceUrlFor(Tenant);
var database = Path.Combine(work, "fanout.db");
Console.WriteLine($"{n} people in tenant {Tenant}, connector {serviceUrl}, database {database}");

await Seeding.PeopleAsync(database, work, serviceUrl, Tenant, "warmup", warmup);

const string ApiKey = "fan-out-bench-admin-key";
string? outageId = null;
var botSettings = new Dictionary<string, string>
{
    ["ConnectionStrings:ServiceDesk"] = $"Data Source={database}",
    ["Admin:ApiKey"] = ApiKey,
    ["BotFramework:Connector:ConversationLimits"] = limits.ConversationText,
    ["BotFramework:Connector:TenantLimits"] = limits.TenantText,
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
    ["Logging:LogLevel:ServiceDesk.Bot.Channels.Teams.Connector"] = "Warning",
    ["Logging:LogLevel:ServiceDesk.Bot.Outbox"] = "Warning",
};
foreach (var setting in Env.Text("BOT_SETTINGS", "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
    botSettings[setting[..setting.IndexOf('=')]] = setting[(setting.IndexOf('=') + 1)..];
await using var bot = BotProcess.Start(botDll, botPort, Path.Combine(work, "bot.log"), botSettings);
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{botPort}/"), Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
await bot.WaitHealthyAsync(http, TimeSpan.FromMinutes(2));

if (warmup > 0)
{
    if (await DeclareAsync() is { } refused) return Fail(refused);
    var warming = Stopwatch.StartNew();
    while (connector.Accepted.Count < warmup && warming.Elapsed < stallTimeout) await Task.Delay(200);
    Console.WriteLine($"warm-up: {connector.Accepted.Count} of {warmup} notices in {warming.Elapsed.TotalSeconds:F1} s (not measured)");
    await Seeding.RetireAsync(database, work, "warmup", warmup);
}
var seeding = Stopwatch.StartNew();
await Seeding.PeopleAsync(database, work, serviceUrl, Tenant, "fanout", n);
Console.WriteLine($"seeded {n} personal conversations in {seeding.Elapsed.TotalSeconds:F1} s");
await Task.Delay(TimeSpan.FromSeconds(3)); // the warm-up's calls leave the tenant's windows
connector.Reset();

// The clock starts with the first enqueue: the declaration resolves everyone and enqueues their notices in one commit.
var clock = Stopwatch.StartNew();
var started = Stopwatch.GetTimestamp();
if (await DeclareAsync() is { } failed) return Fail(failed);
var enqueued = clock.Elapsed;
var committed = Stopwatch.GetTimestamp();
Console.WriteLine($"declared in {enqueued.TotalSeconds:F1} s; sending since {DateTime.Now:HH:mm:ss.fff}");

var lastCount = 0;
var lastProgress = clock.Elapsed;
while (connector.Accepted.Count < n && clock.Elapsed - lastProgress < stallTimeout)
{
    await Task.Delay(TimeSpan.FromSeconds(5));
    var count = connector.Accepted.Count;
    if (count != lastCount) lastProgress = clock.Elapsed;
    Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F0} s  delivered {count,6}  (+{(count - lastCount) / 5.0,5:F1}/s)  requests {connector.Requests}  " +
        $"429 random {connector.RandomThrottles} conversation {connector.ConversationThrottles} tenant {connector.TenantThrottles}");
    lastCount = count;
}
await Task.Delay(TimeSpan.FromSeconds(5)); // late duplicates would arrive now
var progress = JsonDocument.Parse(await http.GetStringAsync($"/api/outages/{outageId}")).RootElement.GetProperty("progress");

var delivered = connector.Accepted.Count;
var duplicates = connector.Accepted.Values.Sum(v => v - 1);
var total = Stopwatch.GetElapsedTime(started, connector.LastAcceptedAt);
var sending = Stopwatch.GetElapsedTime(committed, connector.LastAcceptedAt);
var tenantRate = limits.PerTenant.Min(w => w.Permits / w.Window.TotalSeconds);
var minimum = TimeSpan.FromSeconds(n / tenantRate);
var perSecond = connector.AcceptedAt.GroupBy(t => (t - connector.FirstAcceptedAt) / Stopwatch.Frequency).ToDictionary(g => g.Key, g => g.Count());
var busiest = perSecond.Values.Max();
var lastSecond = perSecond.Keys.Max();
// Seconds well under the tenant's rate (not the last one): where the time beyond the minimum went.
var slow = Enumerable.Range(0, (int)lastSecond).Select(second => (Second: second, Delivered: perSecond.GetValueOrDefault(second)))
    .Where(s => s.Delivered < 0.8 * tenantRate).Select(s => $"{s.Second}: {s.Delivered}").ToList();
bot.Flush();
var tenantPauses = File.ReadLines(Path.Combine(work, "bot.log")).Count(line => line.Contains("all its conversations wait the Retry-After", StringComparison.Ordinal));

Console.WriteLine($"""

| N = {n}, limits per conversation {limits.ConversationText}, per tenant {limits.TenantText}, {randomThrottle:P0} answered 429 at random | |
|---|---|
| delivered (conversations that got the notice, 2xx) | {delivered} |
| duplicates (a notice accepted twice) | {duplicates} |
| lost (enqueued, never delivered) | {n - delivered} |
| requests to the connector | {connector.Requests} |
| 429 at random (Retry-After: 1) / over a conversation limit / over the tenant limit | {connector.RandomThrottles} / {connector.ConversationThrottles} / {connector.TenantThrottles} |
| enqueue (POST /api/outages: audience resolved, {n} notices committed) | {enqueued.TotalSeconds:F1} s |
| minimum the limits allow ({n} / {tenantRate:0.#} per s) | {minimum.TotalSeconds:F1} s |
| total: declaration sent → last delivery (includes the enqueue) | {total.TotalSeconds:F1} s = {total / minimum:F3} × minimum |
| sending: notices committed (declaration answered) → last delivery | {sending.TotalSeconds:F1} s = {sending / minimum:F3} × minimum |
| busiest second at the connector | {busiest} |
| seconds under 80 % of the tenant's rate (second: delivered) | {(slow.Count == 0 ? "none" : slow.Count > 12 ? $"{slow.Count}, the first {string.Join(", ", slow.Take(12))}" : string.Join(", ", slow))} |
| tenant pauses (Teams' 429s for a tenant, the whole tenant waited) | {tenantPauses} |
| the bot's progress of the outage (sent / pending / failed / unreachable: the {warmup} warm-up people, retired) | {progress.GetProperty("sent")} / {progress.GetProperty("pending")} / {progress.GetProperty("failed")} / {progress.GetProperty("unreachable")} |
""");
return duplicates == 0 && delivered == n ? 0 : 1;

// Everyone the bot has a personal chat with (and is not known unreachable) gets the notice.
async Task<string?> DeclareAsync()
{
    var declared = await http.PostAsJsonAsync("/api/outages", new
    {
        service = "vpn",
        title = "VPN down",
        message = "The VPN cannot be reached. We are on it.",
        severity = "major",
        audience = "everyone",
    });
    var body = await declared.Content.ReadAsStringAsync();
    if (!declared.IsSuccessStatusCode) return $"POST /api/outages answered {(int)declared.StatusCode}: {body}";
    outageId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
    return null;
}

static int Fail(string why)
{
    Console.Error.WriteLine(why);
    return 2;
}

internal static class Env
{
    public static string Text(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
    public static int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
