using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Tests.Channels.Teams.EndToEnd;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Outbox;

/// <summary>
/// An outage notice to many people through the whole bot, the outbox and the fake Bot Connector (issue #6
/// item 5): Teams answering 429 now and then, a person who blocked the bot, the bot stopped halfway. What
/// counts is what the connector accepted: every notice once, none twice, a blocked person asked once.
/// </summary>
public sealed class FanOutTests : EndToEndTest
{
    private const string ApiKey = "fan-out-test-admin-key";
    private const string Tenant = "tenant-fanout";

    private DeskBot StartDesk(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return StartBot(all);
    }

    private static HttpClient Admin(DeskBot bot)
    {
        var client = bot.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>People who installed the bot in their personal scope, their chat ids known (what their installation updates say).</summary>
    private async Task<List<string>> PeopleAsync(DeskBot bot, int count, string prefix = "person")
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var references = scope.ServiceProvider.GetRequiredService<IConversationReferenceRepository>();
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var chats = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var chat = $"a:{prefix}-{i}";
            var reference = await references.RecordAsync(new ConversationSighting("msteams", ConversationType.Personal, chat, Connector.ServiceUrl, at)
            {
                TenantId = Tenant,
                UserId = $"29:{prefix}-{i}",
                UserAadObjectId = $"aad-{prefix}-{i}",
                Locale = "en-US",
            });
            reference.RecordInstallation(at);
            chats.Add(chat);
        }
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return chats;
    }

    private static async Task<string> DeclareAsync(DeskBot bot)
    {
        var response = await Admin(bot).PostAsJsonAsync("/api/outages", new
        {
            service = "vpn",
            title = "VPN down",
            message = "The VPN cannot be reached.",
            severity = "major",
            audience = "everyone",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ProgressWhenAsync(DeskBot bot, string outageId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var progress = JsonDocument.Parse(await Admin(bot).GetStringAsync($"/api/outages/{outageId}")).RootElement.GetProperty("progress").Clone();
            if (done(progress)) return progress;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The fan-out did not get there: {progress}");
            await Task.Delay(100);
        }
    }

    /// <summary>The messages the connector accepted (2xx), per chat.</summary>
    private Dictionary<string, int> AcceptedPerChat() =>
        Connector.Delivered.Where(r => r.Method == "POST" && r.RawTarget.EndsWith("/activities", StringComparison.Ordinal))
            .GroupBy(ChatOf).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Once the fan-out is done: every chat accepted the notice exactly once, and the bot counts them all sent.</summary>
    private async Task AssertEachGotTheNoticeOnceAsync(DeskBot bot, string outage, IReadOnlyCollection<string> chats)
    {
        var progress = await ProgressWhenAsync(bot, outage, p => p.GetProperty("pending").GetInt32() == 0);
        await SettleAsync();

        Assert.Equal(chats.Count, progress.GetProperty("sent").GetInt32());
        var accepted = AcceptedPerChat();
        Assert.Equal(chats.Order(), accepted.Keys.Order());
        Assert.All(accepted, chat => Assert.Equal(1, chat.Value));
    }

    private static string ChatOf(FakeBotConnector.RecordedRequest request)
    {
        var path = Uri.UnescapeDataString(request.RawTarget);
        var start = path.IndexOf("/v3/conversations/", StringComparison.Ordinal) + "/v3/conversations/".Length;
        return path[start..path.IndexOf('/', start)];
    }

    /// <summary>About <paramref name="share"/> of the sends (seeded) are answered 429 with Retry-After: 1.</summary>
    private static Func<FakeBotConnector.RecordedRequest, FakeBotConnector.Reply?> SomeThrottled(double share, int seed = 7)
    {
        var random = new Random(seed);
        var gate = new Lock();
        return _ =>
        {
            lock (gate) return random.NextDouble() < share ? new FakeBotConnector.Reply(429, """{"error":{"code":"TooManyRequests"}}""", "1") : null;
        };
    }

    [Fact]
    public async Task A_notice_to_200_people_with_some_answered_429_reaches_each_of_them_exactly_once()
    {
        var bot = StartDesk();
        var chats = await PeopleAsync(bot, 200);
        Connector.Answering = SomeThrottled(0.05);

        var outage = await DeclareAsync(bot);
        await AssertEachGotTheNoticeOnceAsync(bot, outage, chats);
        Assert.Contains(Connector.Requests, r => r.Status == 429); // the retries were exercised
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_asked_once_marked_unreachable_and_skipped_by_the_next_notice()
    {
        var bot = StartDesk();
        var chats = await PeopleAsync(bot, 5);
        var blocked = chats[2];
        Connector.Answering = r => ChatOf(r) == blocked ? FakeBotConnector.Blocked() : null;

        var first = await DeclareAsync(bot);
        var progress = await ProgressWhenAsync(bot, first, p => p.GetProperty("pending").GetInt32() == 0);
        await SettleAsync();

        Assert.Equal(4, progress.GetProperty("sent").GetInt32());
        Assert.Equal(1, progress.GetProperty("unreachable").GetInt32());
        Assert.Single(Connector.Requests, r => r.Method == "POST" && ChatOf(r) == blocked);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var reference = await scope.ServiceProvider.GetRequiredService<IConversationReferenceRepository>().FindAsync("msteams|user|29:person-2");
            Assert.True(reference!.IsUnreachable);
            Assert.Equal("MessageWritesBlocked", reference.UnreachableReason);
        }

        var second = await DeclareAsync(bot);
        progress = await ProgressWhenAsync(bot, second, p => p.GetProperty("pending").GetInt32() == 0);
        await SettleAsync();

        Assert.Equal(1, progress.GetProperty("unreachable").GetInt32());
        Assert.Single(Connector.Requests, r => r.Method == "POST" && ChatOf(r) == blocked);
        Assert.All(AcceptedPerChat(), chat => Assert.Equal(2, chat.Value));
    }

    [Fact]
    public async Task A_bot_stopped_halfway_through_a_fan_out_sends_the_rest_after_its_restart_and_nothing_twice()
    {
        // A slower tenant limit, so that the stop surely comes halfway.
        var settings = new Dictionary<string, string?> { ["BotFramework:Connector:TenantLimits"] = "25/00:00:01" };
        var first = StartDesk(settings);
        var chats = await PeopleAsync(first, 150);
        Connector.Answering = SomeThrottled(0.05, seed: 11);

        var outage = await DeclareAsync(first);
        await Connector.WaitForDeliveriesAsync(40);
        await StopAsync(first);
        var beforeRestart = AcceptedPerChat().Count;
        Assert.InRange(beforeRestart, 40, chats.Count - 1);

        var second = StartDesk(settings);
        await AssertEachGotTheNoticeOnceAsync(second, outage, chats);
    }
}
