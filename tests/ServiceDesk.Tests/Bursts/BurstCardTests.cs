using System.Text.Json.Nodes;
using NodaTime;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Bursts;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Cards;
using ServiceDesk.Tests.Schemas;
using static ServiceDesk.Tests.Cards.CardFixtures;

namespace ServiceDesk.Tests.Bursts;

/// <summary>The burst card in each state; the card gallery shows them too, so every card-wide check covers them.</summary>
internal static class BurstCardCases
{
    public static readonly Guid BurstId = Guid.Parse("0b6c2f4e-3a1d-4c8e-9f20-5d7e8a9b1c2d");

    // Language-neutral data (names, numbers, "VPN 0x809"), so only the catalog's words are on the card.
    public static IReadOnlyList<BurstTicket> Tickets(int count) => Enumerable.Range(1, count)
        .Select(i => new BurstTicket(Guid.Parse($"00000000-0000-0000-0000-{i:D12}"), new TicketNumber(TicketKind.Incident, 40 + i),
            $"VPN 0x809 #{i}", "", "vpn", "vpn", i % 2 == 0 ? "Luis Pérez" : "Ana Ruiz", i == 3 ? Priority.P2 : Priority.P3, TicketStatus.New,
            Dto(Created + Duration.FromMinutes(2 * i))))
        .ToList();

    public static IEnumerable<(string Name, Func<CardContext, JsonObject> Render)> All()
    {
        var tickets = Tickets(6);
        var suggested = BurstTicket.Suggested(tickets).Id;
        yield return ("burst-offered", c => BurstCard.Render(new BurstView(BurstId, 2, BurstState.Offered, Network, tickets, suggested), c));
        yield return ("burst-offered-many", c => BurstCard.Render(new BurstView(BurstId, 20, BurstState.Offered, Network, Tickets(BurstCard.MaxTicketsShown + 3),
            suggested), c));
        yield return ("burst-declared", c => BurstCard.Render(new BurstView(BurstId, 3, BurstState.Declared, Network, tickets, suggested, "INC-000043",
            "Carmen Vidal", Dto(Created + Duration.FromMinutes(20)), 6, 2), c));
        yield return ("burst-ended", c => BurstCard.Render(new BurstView(BurstId, 4, BurstState.Ended, Network, tickets, suggested, "INC-000043",
            "Carmen Vidal", Dto(Created + Duration.FromMinutes(20)), 6), c));
        yield return ("burst-dismissed", c => BurstCard.Render(new BurstView(BurstId, 3, BurstState.Dismissed, Network, tickets, suggested, null,
            "Carmen Vidal", Dto(Created + Duration.FromMinutes(20))), c));
    }
}

public class BurstCardTests
{
    [Fact]
    public void Every_burst_card_in_both_languages_and_both_button_styles_validates_against_adaptive_cards_1_5()
    {
        var documents =
            from language in Enum.GetValues<Language>()
            from actions in Enum.GetValues<ActionKind>()
            from burst in BurstCardCases.All()
            select ($"{burst.Name}-{language.Code()}-{actions.ToString().ToLowerInvariant()}.json",
                burst.Render(Context(language, actions)).ToJsonString());
        SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard, documents.ToArray());
    }

    [Theory]
    [InlineData(Language.Spanish, "6 incidencias de Red en 10 min", "Declarar incidencia grave y avisar")]
    [InlineData(Language.English, "6 tickets about Network in 10 min", "Declare major incident and notify")]
    public void The_offer_says_how_many_in_how_long_lists_them_and_proposes_the_highest_priority_one(Language language, string summary, string declare)
    {
        var (_, render) = BurstCardCases.All().First(c => c.Name == "burst-offered");
        var card = render(Context(language));
        var text = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(summary, text);
        foreach (var number in Enumerable.Range(41, 6)) Assert.Contains($"INC-0000{number}", text);
        Assert.Contains("Luis Pérez", text);

        var declareButton = ButtonData(card, DeclareBurst.Verb);
        Assert.Equal(declare, (string?)declareButton.Title);
        // The choice starts on the P2 ticket (the third), though it is not the earliest.
        var choice = Inputs(card).Single(i => (string?)i["type"] == "Input.ChoiceSet");
        Assert.Equal("00000000-0000-0000-0000-000000000003", (string?)choice["value"]);
        var message = Inputs(card).Single(i => (string?)i["type"] == "Input.Text");
        Assert.Equal(BurstCard.DefaultMessage(Texts.For(language), Network), (string?)message["value"]);

        // What Teams sends back (the inputs merged into the data) parses into the payload.
        var data = declareButton.Data;
        data[(string)choice["id"]!] = "00000000-0000-0000-0000-000000000001";
        data[(string)message["id"]!] = "VPN caída";
        var parsed = Assert.IsType<DeclareBurst>(CardActionContract.Parse(DeclareBurst.Verb, System.Text.Json.JsonDocument.Parse(data.ToJsonString()).RootElement));
        Assert.Equal(new DeclareBurst(BurstCardCases.BurstId, 2, Guid.Parse("00000000-0000-0000-0000-000000000001"), "VPN caída"), parsed);
        Assert.Equal(new DismissBurst(BurstCardCases.BurstId, 2),
            CardActionContract.Parse(null, System.Text.Json.JsonDocument.Parse(ButtonData(card, DismissBurst.Verb).Data.ToJsonString()).RootElement));
    }

    [Fact]
    public void A_decided_burst_says_what_was_done_and_offers_no_buttons()
    {
        var cases = BurstCardCases.All().ToDictionary(c => c.Name, c => c.Render);
        var declared = cases["burst-declared"](Context(Language.English)).ToJsonString();
        Assert.Contains("Carmen Vidal declared major incident INC-000043", declared);
        Assert.Contains("6 requesters notified", declared);
        Assert.Contains("2 later tickets linked automatically", declared);
        Assert.DoesNotContain("Action.", declared);
        var dismissed = cases["burst-dismissed"](Context(Language.Spanish)).ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Carmen Vidal indicó que no están relacionadas", dismissed);
        Assert.DoesNotContain("Action.", dismissed);
    }

    [Fact]
    public void A_long_burst_lists_the_first_tickets_and_counts_the_rest()
    {
        var card = BurstCardCases.All().First(c => c.Name == "burst-offered-many").Render(Context(Language.English));
        var listed = CardWalk.Objects(card).Where(o => ((string?)o["title"])?.StartsWith("INC-", StringComparison.Ordinal) == true
            && o["value"] is not null && o["type"] is null).Select(o => (string)o["title"]!).ToList();
        Assert.Equal(Enumerable.Range(41, BurstCard.MaxTicketsShown).Select(n => $"INC-0000{n}"), listed);
        Assert.Contains("and 3 more", card.ToJsonString());
        // Any of them may still be chosen as the major incident.
        Assert.Equal(BurstCard.MaxTicketsShown + 3, CardWalk.Objects(card).Single(o => (string?)o["type"] == "Input.ChoiceSet")["choices"]!.AsArray().Count);
    }

    private static (string? Title, JsonObject Data) ButtonData(JsonObject card, string verb)
    {
        var action = CardWalk.Objects(card).First(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb);
        return ((string?)action["title"], (JsonObject)action["data"]!.DeepClone());
    }

    private static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        CardWalk.Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"] is not null);
}
