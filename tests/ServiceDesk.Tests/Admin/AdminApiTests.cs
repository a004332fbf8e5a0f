using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.Admin;

/// <summary>/api/admin/* and /api/tickets: closed without a key, 401 with a wrong one, 400 with every reason, camelCase JSON.</summary>
public sealed class AdminApiTests : DeskTest
{
    [Fact]
    public async Task Without_a_configured_key_the_admin_and_ticket_apis_are_not_there()
    {
        Bot = StartBot();
        var client = Bot.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/admin/groups")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/admin/groups/x", new { level = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tickets")).StatusCode);
    }

    [Fact]
    public async Task A_missing_or_wrong_key_is_401_and_changes_nothing()
    {
        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });
        var anonymous = Bot.CreateClient();
        var wrong = Bot.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", ApiKey + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PutAsJsonAsync("/api/admin/groups/evil", new { level = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/tickets/INC-000001")).StatusCode);
        var groups = await Admin().GetStringAsync("/api/admin/groups");
        Assert.DoesNotContain("evil", groups);
        Assert.DoesNotContain(Bot.Logs.Entries, e => e.Message.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Groups_and_agents_are_created_replaced_and_listed_in_camel_case()
    {
        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });
        var admin = Admin();

        var created = await admin.PutAsJsonAsync("/api/admin/groups/security-l2", new
        {
            level = 2,
            locale = "en-US",
            channel = new { channelId = "msteams", conversationId = "19:sec@thread.tacv2", tenantId = Tenant },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://smba.trafficmanager.net/teams/", group.GetProperty("channel").GetProperty("serviceUrl").GetString());
        var replaced = await admin.PutAsJsonAsync("/api/admin/groups/security-l2", new { level = 3, requiresClosureApproval = true });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var agent = await admin.PutAsJsonAsync("/api/admin/agents/sofia", new
        {
            displayName = "Sofía León", email = "sofia@example.com", aadObjectId = "aad-sofia", roles = new[] { "Specialist", "coordinator" }, groups = new[] { "SECURITY-L2" },
        });
        Assert.Equal(HttpStatusCode.Created, agent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/agents/sofia", new
        {
            displayName = "Sofía León Ruiz", email = "sofia@example.com", aadObjectId = "aad-sofia", roles = new[] { "Specialist" }, groups = new[] { "security-l2" },
        })).StatusCode);

        var agents = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/agents")).RootElement;
        var sofia = agents.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "sofia");
        Assert.Equal("Sofía León Ruiz", sofia.GetProperty("displayName").GetString());
        Assert.Equal(["Specialist"], sofia.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["security-l2"], sofia.GetProperty("groups").EnumerateArray().Select(r => r.GetString()));
        var groups = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/groups")).RootElement;
        var security = groups.EnumerateArray().Single(g => g.GetProperty("name").GetString() == "security-l2");
        Assert.Equal((3, true, "19:sec@thread.tacv2"), (security.GetProperty("level").GetInt32(), security.GetProperty("requiresClosureApproval").GetBoolean(),
            security.GetProperty("channel").GetProperty("conversationId").GetString()));
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("name").GetString() == "service-desk"); // seeded on first start
    }

    [Fact]
    public async Task Bodies_that_do_not_fit_are_400_problems_listing_every_reason()
    {
        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });
        var admin = Admin();

        var agent = await admin.PutAsJsonAsync("/api/admin/agents/x", new { roles = new[] { "Agent", "Wizard" }, groups = new[] { "nowhere" } });
        Assert.Equal(HttpStatusCode.BadRequest, agent.StatusCode);
        Assert.Equal("application/problem+json", agent.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await agent.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["displayName", "groups", "roles"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("Wizard", errors.GetProperty("roles")[0].GetString());

        var group = await admin.PutAsJsonAsync("/api/admin/groups/g", new { level = 4, channel = new { channelId = "slack", serviceUrl = "http://example.com/" } });
        var groupErrors = JsonDocument.Parse(await group.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["channel.conversationId", "channel.serviceUrl", "level"], groupErrors.EnumerateObject().Select(p => p.Name).Order());

        var malformed = await admin.PutAsync("/api/admin/groups/g", new StringContent("{\"level\": \"one\"", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("errors", await malformed.Content.ReadAsStringAsync());

        var huge = await admin.PutAsync("/api/admin/groups/g", new StringContent(new string(' ', 70_000) + "{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/tickets/NOPE-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/tickets?status=Sleeping")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/tickets/INC-000099")).StatusCode);
    }

    [Fact]
    public async Task Tickets_are_read_one_by_one_with_their_log_and_queried_by_requester_status_and_group()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident());
        await RegisterAsync(Jorge, VpnIncident("No imprime") with { CategoryKey = "printing" });
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);

        var one = await TicketAsync("inc-000001");
        Assert.Equal(("INC-000001", "Incident", "Assigned", "P2", "Medium", "High", 1), (one.GetProperty("number").GetString(), one.GetProperty("kind").GetString(),
            one.GetProperty("status").GetString(), one.GetProperty("priority").GetString(), one.GetProperty("impact").GetString(),
            one.GetProperty("urgency").GetString(), one.GetProperty("level").GetInt32()));
        Assert.Equal(("aad-megan", "Megan Bowen"), (one.GetProperty("requester").GetProperty("key").GetString(), one.GetProperty("requester").GetProperty("displayName").GetString()));
        Assert.Equal(("ana", "Ana Ruiz"), (one.GetProperty("assignee").GetProperty("key").GetString(), one.GetProperty("assignee").GetProperty("displayName").GetString()));
        Assert.Equal(("vpn", "vpn"), (one.GetProperty("category").GetString(), one.GetProperty("service").GetString()));
        Assert.True(one.GetProperty("dueAt").GetDateTimeOffset() > one.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(["Created", "Claimed"], one.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        async Task<string[]> Numbers(string query) => JsonDocument.Parse(await Admin().GetStringAsync("/api/tickets" + query)).RootElement
            .GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetString()!).ToArray();
        Assert.Equal(["INC-000002", "INC-000001"], await Numbers(""));
        Assert.Equal(["INC-000001"], await Numbers("?requester=aad-megan"));
        Assert.Equal(["INC-000002"], await Numbers("?status=new"));
        Assert.Equal(["INC-000002", "INC-000001"], await Numbers("?group=service-desk"));
        Assert.Empty(await Numbers("?group=network-l2"));
        Assert.Equal(["INC-000002"], await Numbers("?take=1"));
    }
}
