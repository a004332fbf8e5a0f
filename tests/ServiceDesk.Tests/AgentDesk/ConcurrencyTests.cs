using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.AgentDesk;

/// <summary>Part 4: actions carry the ticket's version; two claims at once make exactly one owner, and the other hears who.</summary>
public sealed class ConcurrencyTests : DeskTest
{
    [Fact]
    public async Task Two_claims_at_once_make_one_owner_and_the_other_answer_names_the_owner()
    {
        await StartDeskAsync();
        for (var round = 1; round <= 3; round++)
        {
            var ticket = await RegisterAsync(Megan, VpnIncident($"VPN caída {round}"));
            var number = ticket.Number.ToString();
            var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", number));
            var claim = CardData.Click(card, "claimTicket");

            var answers = await Task.WhenAll(ClickAsync(Ana, claim, ServiceDeskChannel), ClickAsync(Pablo, claim, ServiceDeskChannel));

            var saved = await TicketAsync(number);
            var owner = saved.GetProperty("assignee").GetProperty("displayName").GetString()!;
            Assert.Equal("Assigned", saved.GetProperty("status").GetString());
            Assert.Single(saved.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "Claimed");
            var winner = Assert.Single(answers, a => a.IsCard);
            Assert.Contains(owner, Words(winner.Card));
            var loser = Assert.Single(answers, a => !a.IsCard);
            Assert.Equal($"Ya está asignado. {owner} ya se asignó {number}.", loser.Message);
        }
    }

    [Fact]
    public async Task A_click_on_a_stale_card_gets_a_clear_message_and_the_card_is_refreshed_for_everyone()
    {
        await StartDeskAsync();
        var ticket = await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);
        var started = await ClickAsync(Ana, CardData.Click(claimed.Card, "startWork"), ServiceDeskChannel);
        Assert.True(started.IsCard);

        // Pablo still has the card from before the claim; his hold goes nowhere.
        var stale = await ClickAsync(Pablo, CardData.Click(claimed.Card, "putOnHold", ("putOnHold.reason", "proveedor")), ServiceDeskChannel);

        Assert.Equal("Esta tarjeta está desactualizada. INC-000001 ha cambiado desde que se envió esta tarjeta. Así está ahora.", stale.Message);
        var refreshed = CardIn(await DeliveredAsync(ServiceDeskChannel, "PUT", "INC-000001", "En curso"));
        Assert.DoesNotContain("Asignármelo", Words(refreshed));
        Assert.Equal("InProgress", (await TicketAsync("INC-000001")).GetProperty("status").GetString());
    }
}
