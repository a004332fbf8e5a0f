using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Channels.Teams.EndToEnd;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.AgentDesk.Support;

/// <summary>Someone in Teams: their bot-specific id, Entra object id, tenant and language.</summary>
internal sealed record TestUser(string Id, string Name, string Aad, string Tenant, string Locale)
{
    public string PersonalChat => "a:chat-" + Id[3..];
}

/// <summary>What an Action.Execute click got back.</summary>
internal sealed record InvokeAnswer(HttpStatusCode Status, string Type, JsonElement Value)
{
    public bool IsCard => Type == "application/vnd.microsoft.card.adaptive";
    public string Message => Type == "application/vnd.microsoft.activity.message" ? Value.GetString()! : throw new InvalidOperationException($"Not a message but {Type}: {Value}");
    public JsonElement Card => IsCard ? Value : throw new InvalidOperationException($"Not a card but {Type}: {Value}");
}

/// <summary>
/// The whole bot end to end (Teams activities through /api/messages, the fake Bot Connector, real
/// SQLite), with a desk set up through the admin API: three support groups with their own channels,
/// agents of each, a coordinator, an auditor, and employees who report tickets.
/// </summary>
public abstract class DeskTest : EndToEndTest
{
    internal const string ApiKey = "test-admin-key-0123456789";
    internal const string Tenant = "tenant-desk";
    internal const string OtherTenant = "tenant-elsewhere";
    internal const string Team = "19:it-team@thread.tacv2";
    internal const string ServiceDeskChannel = "19:service-desk@thread.tacv2";
    internal const string NetworkChannel = "19:network@thread.tacv2";
    internal const string InfraChannel = "19:infrastructure@thread.tacv2";

    internal static readonly TestUser Ana = new("29:ana", "Ana Ruiz", "aad-ana", Tenant, "es-ES");
    internal static readonly TestUser Pablo = new("29:pablo", "Pablo Gil", "aad-pablo", Tenant, "es-ES");
    internal static readonly TestUser Luis = new("29:luis", "Luis Pérez", "aad-luis", Tenant, "en-US");
    internal static readonly TestUser Marta = new("29:marta", "Marta Sanz", "aad-marta", Tenant, "es-ES");
    internal static readonly TestUser Carmen = new("29:carmen", "Carmen Vidal", "aad-carmen", Tenant, "es-ES");
    internal static readonly TestUser Olga = new("29:olga", "Olga Ramos", "aad-olga", Tenant, "es-ES");
    internal static readonly TestUser Megan = new("29:megan", "Megan Bowen", "aad-megan", Tenant, "en-US");
    internal static readonly TestUser Jorge = new("29:jorge", "Jorge Díaz", "aad-jorge", Tenant, "es-ES");
    /// <summary>Everything on the roster, but clicking from another organisation.</summary>
    internal static readonly TestUser Intruder = new("29:intruder", "Ana Ruiz", "aad-intruder", OtherTenant, "es-ES");

    private int _activities;

    internal DeskBot Bot { get; set; } = null!;

    /// <summary>The host the test talks to: the bot, or the bot with some services replaced.</summary>
    internal WebApplicationFactory<Program> Host
    {
        get => _host ?? Bot;
        set => _host = value;
    }

    private WebApplicationFactory<Program>? _host;

    /// <summary>Starts the bot, sets up the desk and lets everyone open a chat with the bot.</summary>
    /// <param name="services">Replaces services (a directory that knows managers); the test then talks to that host.</param>
    internal async Task<DeskBot> StartDeskAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        Bot = StartBot(all);
        if (services is not null)
        {
            // Settings are the bot's; only the named services differ. Both hosts share the database and the connector.
            _host = Bot.WithWebHostBuilder(b => b.ConfigureTestServices(services));
            _ = _host.Server;
        }
        await PutGroupAsync("service-desk", 1, ServiceDeskChannel, "es-ES");
        await PutGroupAsync("network-l2", 2, NetworkChannel, "en-US");
        await PutGroupAsync("infrastructure-l3", 3, InfraChannel, "es-ES", requiresClosureApproval: true);
        await PutAgentAsync("ana", Ana, ["Agent"], ["service-desk"]);
        await PutAgentAsync("pablo", Pablo, ["Agent"], ["service-desk"]);
        await PutAgentAsync("luis", Luis, ["Specialist"], ["network-l2"]);
        await PutAgentAsync("marta", Marta, ["Specialist"], ["infrastructure-l3"]);
        await PutAgentAsync("carmen", Carmen, ["Coordinator"], []);
        await PutAgentAsync("olga", Olga, ["Auditor"], []);
        // The intruder has every role in every group, but the desk's tenant is not theirs.
        await PutAgentAsync("intruder", Intruder, ["Agent", "Specialist", "Coordinator", "Auditor"],
            ["service-desk", "network-l2", "infrastructure-l3"], tenant: OtherTenant);
        foreach (var user in new[] { Ana, Pablo, Luis, Marta, Carmen, Olga, Megan, Jorge })
            await SayAsync(user, "hola");
        return Bot;
    }

    internal HttpClient Admin()
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    internal async Task PutGroupAsync(string name, int level, string channel, string locale, bool requiresClosureApproval = false)
    {
        var response = await Admin().PutAsJsonAsync($"/api/admin/groups/{name}", new
        {
            level,
            locale,
            requiresClosureApproval,
            channel = new { channelId = "msteams", serviceUrl = Connector.ServiceUrl, conversationId = channel, tenantId = Tenant },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    internal async Task PutAgentAsync(string key, TestUser user, string[] roles, string[] groups, string? tenant = Tenant)
    {
        var response = await Admin().PutAsJsonAsync($"/api/admin/agents/{key}", new
        {
            displayName = user.Name,
            email = key + "@example.com",
            aadObjectId = user.Aad,
            roles,
            groups,
            tenantId = tenant,
            locale = user.Locale,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Registers a ticket as the employee flows do: the registrar in the turn's unit of work.</summary>
    internal async Task<Ticket> RegisterAsync(TestUser requester, TicketIntake intake)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var registrar = scope.ServiceProvider.GetRequiredService<ITicketRegistrar>();
        var ticket = await registrar.RegisterAsync(intake,
            new RequesterIdentity("msteams", requester.Id, requester.Aad, requester.Name, requester.Locale) { TenantId = requester.Tenant },
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return ticket;
    }

    internal static TicketIntake VpnIncident(string title = "La VPN se corta cada pocos minutos") =>
        new(TicketKind.Incident, title, "Desde esta mañana, error 0x809.", Impact.Medium, Urgency.High, "vpn");

    internal async Task<JsonElement> TicketAsync(string number)
    {
        var response = await Admin().GetAsync($"/api/tickets/{number}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    // ---- Activities ----

    internal Task<HttpResponseMessage> SayAsync(TestUser user, string text) =>
        SendAsync(Message(user, Personal(user), text).ToJsonString());

    /// <summary>"@ServiceDesk text" in a team channel (a reply in the thread of <paramref name="root"/>).</summary>
    internal Task<HttpResponseMessage> SayInChannelAsync(TestUser user, string channel, string text, string root = "1000")
    {
        var activity = Message(user, InChannel(user, channel, root), "<at>ServiceDesk</at> " + text);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ServiceDesk</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:" + BotFrameworkSigningServer.AppId, ["name"] = "ServiceDesk" },
        });
        return SendAsync(activity.ToJsonString());
    }

    /// <summary>Clicks an Action.Execute (Teams universal action) with this data, in a channel or the user's chat.</summary>
    internal async Task<InvokeAnswer> ClickAsync(TestUser user, JsonObject data, string? channel = null, string replyToId = "card-1")
    {
        var verb = data["verb"]!.GetValue<string>();
        var activity = Base("invoke", user, channel is null ? Personal(user) : InChannel(user, channel, replyToId));
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        var response = await SendAsync(activity.ToJsonString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return new InvokeAnswer(response.StatusCode, body.GetProperty("type").GetString()!, body.GetProperty("value"));
    }

    private Task<HttpResponseMessage> SendAsync(string activityJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activityJson, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Signing.Token(Connector.ServiceUrl));
        return Host.CreateClient().SendAsync(request);
    }

    private JsonObject Message(TestUser user, (JsonObject Conversation, JsonObject? ChannelData) where, string text)
    {
        var activity = Base("message", user, where);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    private JsonObject Base(string type, TestUser user, (JsonObject Conversation, JsonObject? ChannelData) where)
    {
        var id = Interlocked.Increment(ref _activities);
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = $"activity-{id}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["locale"] = user.Locale,
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.Aad },
            ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkSigningServer.AppId, ["name"] = "ServiceDesk" },
            ["conversation"] = where.Conversation,
            ["channelData"] = where.ChannelData ?? new JsonObject { ["tenant"] = new JsonObject { ["id"] = user.Tenant } },
        };
    }

    private static (JsonObject, JsonObject?) Personal(TestUser user) =>
        (new JsonObject { ["id"] = user.PersonalChat, ["conversationType"] = "personal", ["tenantId"] = user.Tenant }, null);

    private static (JsonObject, JsonObject?) InChannel(TestUser user, string channel, string root) =>
    (
        new JsonObject { ["id"] = $"{channel};messageid={root}", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = user.Tenant },
        new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = channel },
            ["team"] = new JsonObject { ["id"] = Team, ["name"] = "IT" },
            ["tenant"] = new JsonObject { ["id"] = user.Tenant },
        }
    );

    // ---- What the connector saw ----

    /// <summary>Waits for a delivered request to this conversation (a POST or a PUT) whose body has all of <paramref name="texts"/>.</summary>
    internal async Task<FakeBotConnector.RecordedRequest> DeliveredAsync(string conversation, string method, params string[] texts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var match = Connector.Delivered.LastOrDefault(r => r.Method == method && IsTo(r, conversation)
                && texts.All(t => r.Body.Contains(JsonEncoded(t), StringComparison.Ordinal)));
            if (match is not null) return match;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No {method} to {conversation} with [{string.Join(", ", texts)}]; saw:\n"
                    + string.Join("\n", Connector.Requests.Select(r => $"{r.Method} {Uri.UnescapeDataString(r.RawTarget)} {r.Status} {Summary(r)}")));
            await Task.Delay(25);
        }
    }

    /// <summary>Sent to the conversation itself or to one of its threads (a Teams channel's <c>;messageid=</c>).</summary>
    internal static bool IsTo(Channels.Teams.Support.FakeBotConnector.RecordedRequest request, string conversation)
    {
        var raw = Uri.UnescapeDataString(request.RawTarget);
        return raw.Contains("/v3/conversations/" + conversation + "/", StringComparison.Ordinal)
            || raw.Contains("/v3/conversations/" + conversation + ";messageid=", StringComparison.Ordinal);
    }

    /// <summary>Every text on a card, unescaped, one per line: what people read.</summary>
    internal static string Words(JsonElement card)
    {
        var words = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Walk(p.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var i in e.EnumerateArray()) Walk(i);
                    break;
                case JsonValueKind.String:
                    words.Add(e.GetString()!);
                    break;
            }
        }
        Walk(card);
        return string.Join("\n", words);
    }

    /// <summary>The card of a delivered activity.</summary>
    internal static JsonElement CardIn(FakeBotConnector.RecordedRequest request) => CardOf(request);

    /// <summary>Every card the connector delivered, for the schema check.</summary>
    internal (string Name, JsonElement Card)[] DeliveredCards() => Connector.Delivered
        .Where(r => r.Body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
        .Select((r, i) => ($"delivered-{i}-{r.Method}", CardOf(r)))
        .ToArray();

    internal static void AssertCardsValid(params (string Name, JsonElement Card)[] cards) => AssertValidCards(cards);

    private static string Summary(FakeBotConnector.RecordedRequest r)
    {
        var body = r.Body;
        var i = body.IndexOf("\"fallbackText\":", StringComparison.Ordinal);
        return i < 0 ? (body.Length > 120 ? body[..120] : body) : body[i..Math.Min(body.Length, i + 140)];
    }

    // Bodies are JSON: accents and quotes arrive escaped.
    private static string JsonEncoded(string text) => JsonSerializer.Serialize(text)[1..^1];
}
