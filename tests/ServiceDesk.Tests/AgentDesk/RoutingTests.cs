using System.Net;
using System.Text.Json;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.AgentDesk;

/// <summary>Part 1: a new ticket's card lands in its group's triage channel, in that channel's language; the requester gets theirs.</summary>
public sealed class RoutingTests : DeskTest
{
    [Fact]
    public async Task A_new_ticket_goes_to_its_groups_channel_in_the_channels_language_and_to_the_requester_in_theirs()
    {
        await StartDeskAsync();

        var ticket = await RegisterAsync(Megan, VpnIncident());

        Assert.Equal("INC-000001", ticket.Number.ToString());
        var agentCard = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        Assert.Equal("es", agentCard.GetProperty("lang").GetString());
        var text = Words(agentCard);
        Assert.Contains("Asignármelo", text);                  // claim, in Spanish
        Assert.Contains("Megan Bowen", text);
        Assert.Contains("VPN y teletrabajo", text);            // category
        Assert.Contains("VPN y acceso remoto", text);          // service
        Assert.Contains("Resolución", text);                   // the live SLA line
        Assert.Contains("laborables", text);                   // business time left

        var requesterCard = CardIn(await DeliveredAsync(Megan.PersonalChat, "POST", "INC-000001"));
        Assert.Equal("en", requesterCard.GetProperty("lang").GetString());
        Assert.Contains("What happens next", Words(requesterCard));

        var saved = await TicketAsync("INC-000001");
        Assert.Equal("service-desk", saved.GetProperty("group").GetString());
        Assert.Equal(1, saved.GetProperty("level").GetInt32());
        Assert.Equal("P2", saved.GetProperty("priority").GetString()); // medium impact × high urgency
        Assert.Equal("vpn", saved.GetProperty("service").GetString());
        Assert.Equal(JsonValueKind.String, saved.GetProperty("dueAt").ValueKind);
        AssertCardsValid(("agent", agentCard), ("requester", requesterCard));
    }

    [Fact]
    public async Task Without_a_channel_anywhere_the_ticket_still_registers_and_the_requester_still_hears()
    {
        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });
        await SayAsync(Megan, "hello");

        var ticket = await RegisterAsync(Megan, VpnIncident());

        await DeliveredAsync(Megan.PersonalChat, "POST", ticket.Number.ToString());
        await SettleAsync();
        Assert.DoesNotContain(Connector.Requests, r => r.RawTarget.Contains(Escaped(ServiceDeskChannel), StringComparison.Ordinal));
        Assert.Equal("New", (await TicketAsync(ticket.Number.ToString())).GetProperty("status").GetString());
        Assert.Contains(Bot.Logs.Entries, e => e.Message.Contains("nor level 1 has a triage channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_coordinator_makes_a_team_channel_a_groups_triage_channel_from_Teams_and_others_are_told_no()
    {
        await StartDeskAsync();
        const string channel = "19:apps-team@thread.tacv2";

        await SayInChannelAsync(Ana, channel, "use this channel for apps-l2");
        var refusal = await DeliveredAsync(channel, "POST", "Solo los coordinadores pueden hacerlo.");
        Assert.Contains(";messageid=1000", Uri.UnescapeDataString(refusal.RawTarget)); // answered in the thread it was asked in

        var response = await SayInChannelAsync(Carmen, channel, "usar este canal para apps-l2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DeliveredAsync(channel, "POST", "Canal de triaje de apps-l2");
        var groups = JsonDocument.Parse(await Admin().GetStringAsync("/api/admin/groups")).RootElement;
        var apps = groups.EnumerateArray().Single(g => g.GetProperty("name").GetString() == "apps-l2");
        Assert.Equal(channel, apps.GetProperty("channel").GetProperty("conversationId").GetString());
        Assert.Equal(Tenant, apps.GetProperty("channel").GetProperty("tenantId").GetString());

        // From now on its tickets land there: escalate one to it.
        var ticket = await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", ticket.Number.ToString()));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);
        var escalate = CardData.Click(claimed.Card, "escalateTicket", ("escalateTicket.group", "apps-l2"), ("escalateTicket.reason", "ERP client"));
        var moved = await ClickAsync(Ana, escalate, ServiceDeskChannel);
        Assert.Contains("apps-l2", Words(moved.Card));
        await DeliveredAsync(channel, "POST", ticket.Number.ToString());
    }

    [Fact]
    public async Task A_group_without_a_channel_gets_its_cards_in_the_level_1_channel()
    {
        await StartDeskAsync();
        var ticket = await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", ticket.Number.ToString()));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);

        // workplace-l2 was seeded without a channel.
        var escalate = CardData.Click(claimed.Card, "escalateTicket", ("escalateTicket.group", "workplace-l2"), ("escalateTicket.reason", "Hardware"));
        await ClickAsync(Ana, escalate, ServiceDeskChannel);

        var posts = await WaitForPostsAsync(ServiceDeskChannel, ticket.Number.ToString(), 2);
        Assert.Contains("workplace-l2", Words(CardIn(posts[^1])));
    }

    private async Task<IReadOnlyList<Channels.Teams.Support.FakeBotConnector.RecordedRequest>> WaitForPostsAsync(string conversation, string text, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var posts = Connector.Delivered.Where(r => r.Method == "POST" && IsTo(r, conversation) && r.Body.Contains(text, StringComparison.Ordinal)).ToList();
            if (posts.Count >= count) return posts;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{posts.Count} posts of {text} to {conversation}.");
            await Task.Delay(25);
        }
    }
}
