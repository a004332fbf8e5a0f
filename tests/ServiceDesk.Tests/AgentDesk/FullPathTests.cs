using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.AgentDesk;

/// <summary>
/// L1 claim → escalate L2 → escalate L3 → problem opened → incident resolved with a workaround →
/// problem resolved → requester notified: every step through the cards in Teams, every card valid in
/// its channel's language, every step in the ticket's log with who and when.
/// </summary>
public sealed class FullPathTests : DeskTest
{
    [Fact]
    public async Task From_level_1_to_a_resolved_problem_everyone_sees_every_step()
    {
        await StartDeskAsync();
        var started = DateTimeOffset.UtcNow;
        var ticket = await RegisterAsync(Megan, VpnIncident("VPN drops every few minutes"));
        var number = ticket.Number.ToString();

        // Level 1 (Spanish channel): Ana claims; Megan hears it in English.
        var l1Card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", number));
        var claimed = await ClickAsync(Ana, CardData.Click(l1Card, "claimTicket"), ServiceDeskChannel);
        Assert.Contains("Ana Ruiz", Words(claimed.Card));
        await DeliveredAsync(ServiceDeskChannel, "PUT", number, "Ana Ruiz");
        await DeliveredAsync(Megan.PersonalChat, "POST", $"{number}: someone is on it", "Ana Ruiz is handling your ticket");

        // Escalation to network-l2 (English channel): the level-1 card says where it went.
        Assert.Equal(new[] { "network-l2", "workplace-l2", "apps-l2", "infrastructure-l3", "erp-vendor-l3" }.Order(),
            CardData.Choices(claimed.Card, "escalateTicket.group").Order());
        var moved = await ClickAsync(Ana, CardData.Click(claimed.Card, "escalateTicket",
            ("escalateTicket.group", "network-l2"), ("escalateTicket.reason", "Falla el túnel IPsec")), ServiceDeskChannel);
        Assert.Contains("Escalado a Nivel 2 · network-l2", Words(moved.Card));
        await DeliveredAsync(ServiceDeskChannel, "PUT", number, "Escalado a Nivel 2 · network-l2");
        var l2Card = CardIn(await DeliveredAsync(NetworkChannel, "POST", number));
        Assert.Equal("en", l2Card.GetProperty("lang").GetString());
        Assert.Contains("Claim", Words(l2Card));
        await DeliveredAsync(Megan.PersonalChat, "POST", "It is now with Level 2 (network-l2)");

        // Level 2: Luis claims and escalates to the infrastructure team.
        var l2Claimed = await ClickAsync(Luis, CardData.Click(l2Card, "claimTicket"), NetworkChannel);
        var l2Moved = await ClickAsync(Luis, CardData.Click(l2Claimed.Card, "escalateTicket",
            ("escalateTicket.group", "infrastructure-l3"), ("escalateTicket.reason", "Firewall firmware")), NetworkChannel);
        Assert.Contains("Escalated to Level 3 · infrastructure-l3", Words(l2Moved.Card));
        var l3Card = CardIn(await DeliveredAsync(InfraChannel, "POST", number));

        // Level 3: Marta claims, opens a problem (the cause needs a firmware release), resolves with a workaround.
        var l3Claimed = await ClickAsync(Marta, CardData.Click(l3Card, "claimTicket"), InfraChannel);
        var withProblem = await ClickAsync(Marta, CardData.Click(l3Claimed.Card, "openProblem", ("openProblem.title", "IPsec drops after 5 minutes")), InfraChannel);
        Assert.Contains("PRB-000001", Words(withProblem.Card));
        var problemCard = CardIn(await DeliveredAsync(InfraChannel, "POST", "PRB-000001", "IPsec drops after 5 minutes", number));
        var resolved = await ClickAsync(Marta, CardData.Click(withProblem.Card, "resolveTicket",
            ("resolveTicket.code", "Workaround"), ("resolveTicket.notes", "Use the backup VPN profile"),
            ("resolveTicket.workaround", "true"), ("resolveTicket.reusable", "true")), InfraChannel);
        Assert.Contains("Resuelto", Words(resolved.Card));
        await DeliveredAsync(Megan.PersonalChat, "POST", $"{number} resolved", "Use the backup VPN profile.", "This is a workaround");
        var requesterCard = CardIn(await DeliveredAsync(Megan.PersonalChat, "PUT", number, "Yes, it's fixed"));

        // The workaround is the problem's known workaround now; its card says so.
        problemCard = CardIn(await DeliveredAsync(InfraChannel, "PUT", "PRB-000001", "Error conocido", "Use the backup VPN profile"));

        // The problem is resolved: Megan hears the root cause was fixed.
        var problemResolved = await ClickAsync(Marta, CardData.Click(problemCard, "resolveProblem",
            ("resolveProblem.rootCause", "Firewall firmware 7.4.2 fixes the IPsec rekey")), InfraChannel);
        Assert.Contains("Firewall firmware 7.4.2", Words(problemResolved.Card));
        await DeliveredAsync(Megan.PersonalChat, "POST", $"{number}: root cause fixed", "Problem PRB-000001, which caused your issue, is resolved");

        // The log: every step, by whom, when.
        var saved = await TicketAsync(number);
        Assert.Equal("Resolved", saved.GetProperty("status").GetString());
        Assert.Equal("PRB-000001", saved.GetProperty("problem").GetString());
        var events = saved.GetProperty("events").EnumerateArray()
            .Select(e => (Type: e.GetProperty("type").GetString()!, By: e.GetProperty("byName").GetString()!, At: e.GetProperty("at").GetDateTimeOffset(), Event: e))
            .ToList();
        Assert.Equal(
        [
            ("Created", "Megan Bowen"), ("Claimed", "Ana Ruiz"), ("Escalated", "Ana Ruiz"), ("Claimed", "Luis Pérez"), ("Escalated", "Luis Pérez"),
            ("Claimed", "Marta Sanz"), ("LinkedToProblem", "Marta Sanz"), ("Resolved", "Marta Sanz"), ("MessageToRequester", "Marta Sanz"),
        ], events.Select(e => (e.Type, e.By)).ToArray());
        Assert.All(events, e => Assert.InRange(e.At, started.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal(events.Select(e => e.At).Order(), events.Select(e => e.At));
        var escalations = events.Where(e => e.Type == "Escalated").Select(e => e.Event).ToList();
        Assert.Equal((1, 2, "network-l2", "Falla el túnel IPsec"), Escalation(escalations[0]));
        Assert.Equal((2, 3, "infrastructure-l3", "Firewall firmware"), Escalation(escalations[1]));
        Assert.Contains("Workaround: Use the backup VPN profile", events.Single(e => e.Type == "Resolved").Event.GetProperty("text").GetString());

        // Marked reusable, the resolution is now an answer the bot can offer the next person.
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var article = await scope.ServiceProvider.GetRequiredService<IKnowledgeBase>().FindBySourceTicketAsync(ticket.Id);
            Assert.NotNull(article);
            Assert.Contains("Use the backup VPN profile", article.Body);
        }

        // Every card anyone saw renders in Teams (Adaptive Cards 1.5), in Spanish and in English.
        var cards = DeliveredCards().Concat(
        [
            ("claimed", claimed.Card), ("moved", moved.Card), ("l2-moved", l2Moved.Card), ("problem", withProblem.Card),
            ("resolved", resolved.Card), ("problem-resolved", problemResolved.Card), ("requester", requesterCard),
        ]).ToArray();
        Assert.Contains(cards, c => c.Item2.GetProperty("lang").GetString() == "es");
        Assert.Contains(cards, c => c.Item2.GetProperty("lang").GetString() == "en");
        AssertCardsValid(cards);
    }

    private static (int, int, string, string) Escalation(JsonElement e) =>
        (e.GetProperty("fromLevel").GetInt32(), e.GetProperty("toLevel").GetInt32(), e.GetProperty("group").GetString()!, e.GetProperty("text").GetString()!);
}
