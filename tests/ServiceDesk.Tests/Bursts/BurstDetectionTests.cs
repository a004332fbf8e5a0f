using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Storage;
using ServiceDesk.Tests.AgentDesk.Support;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Bursts;

/// <summary>
/// Bursts end to end: tickets registered as the employee flows register them (each followed by its
/// burst check), the coordinators' card through the fake Bot Connector, clicks through /api/messages.
/// </summary>
public sealed class BurstDetectionTests : DeskTest
{
    private const string CoordinatorsChannel = "19:coordinators@thread.tacv2";
    private const string OfferHeading = "Posible incidencia grave"; // Carmen reads Spanish

    // Five people who say the VPN is down, in their own words (two of them in English).
    private static readonly (TestUser Who, string Title)[] VpnDown =
    [
        (Jorge, "La VPN no conecta desde casa"),
        (Megan, "VPN won't connect from home"),
        (Olga, "No consigo conectar a la VPN"),
        (Luis, "Cannot connect to the VPN"),
        (Marta, "La VPN no me conecta"),
        (Pablo, "Desde casa la VPN no conecta"),
    ];

    [Fact]
    public async Task Four_similar_tickets_offer_nothing_the_fifth_offers_one_card_and_the_sixth_updates_it()
    {
        await StartDeskAsync();
        for (var i = 0; i < 4; i++) await RegisterAsync(VpnDown[i].Who, Incident(VpnDown[i].Title));
        await SettleAsync();
        Assert.Empty(Offers(Carmen.PersonalChat));

        var fifth = await RegisterAsync(VpnDown[4].Who, Incident(VpnDown[4].Title));
        var offer = CardIn(await DeliveredAsync(Carmen.PersonalChat, "POST", OfferHeading, "5 incidencias de VPN y acceso remoto", fifth.Number.ToString()));
        Assert.Contains("Jorge Díaz", Words(offer));
        Assert.True(CardData.Has(offer, DeclareBurst.Verb) && CardData.Has(offer, DismissBurst.Verb));

        var sixth = await RegisterAsync(VpnDown[5].Who, Incident(VpnDown[5].Title));
        var updated = CardIn(await DeliveredAsync(Carmen.PersonalChat, "PUT", OfferHeading, "6 incidencias", sixth.Number.ToString()));
        await SettleAsync();
        Assert.Single(Offers(Carmen.PersonalChat));
        // Nobody else was offered it: the card goes to the coordinators only.
        Assert.Empty(Offers(Ana.PersonalChat));
        Assert.Empty(Offers(ServiceDeskChannel));
        AssertCardsValid(("offer", offer), ("updated", updated));
    }

    [Fact]
    public async Task With_detection_off_nothing_is_offered()
    {
        await StartDeskAsync(new Dictionary<string, string?> { ["Bursts:Enabled"] = "false" });
        foreach (var (who, title) in VpnDown) await RegisterAsync(who, Incident(title));
        await SettleAsync();
        Assert.Empty(Offers(Carmen.PersonalChat));
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<ServiceDeskContext>().Bursts);
    }

    [Fact]
    public async Task Tickets_of_one_burst_arriving_together_offer_it_once()
    {
        await StartDeskAsync();
        var tickets = await Task.WhenAll(VpnDown.Select(r => RegisterAsync(r.Who, Incident(r.Title))));

        // The last word on the card counts all six, whichever check came last.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Connector.Delivered.Any(r => IsTo(r, Carmen.PersonalChat) && r.Body.Contains("6 incidencias", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The card never counted six tickets.");
            await Task.Delay(50);
        }
        await SettleAsync();
        var offer = Words(CardIn(Assert.Single(Offers(Carmen.PersonalChat))));
        Assert.Contains(tickets.Min(t => t.Number.Sequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), offer);
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Equal(6, (await scope.ServiceProvider.GetRequiredService<ServiceDeskContext>().Bursts.SingleAsync()).Tickets.Count);
    }

    [Fact]
    public async Task Other_problems_other_services_and_tickets_older_than_the_window_make_no_burst()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await StartDeskAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        // Three VPN outage reports, then the same service with other problems, and the same words about another service.
        for (var i = 0; i < 3; i++) await RegisterAsync(VpnDown[i].Who, Incident(VpnDown[i].Title));
        await RegisterAsync(Ana, Incident("La VPN va muy lenta"));
        await RegisterAsync(Pablo, Incident("VPN is very slow"));
        await RegisterAsync(Olga, Incident("La impresora no conecta", "printing"));
        await RegisterAsync(Marta, Incident("La impresora no conecta", "printing"));
        await SettleAsync();
        Assert.Empty(Offers(Carmen.PersonalChat));

        // Sixteen minutes later, two more reports: the first three are out of the window.
        clock.Advance(TimeSpan.FromMinutes(16));
        await RegisterAsync(VpnDown[3].Who, Incident(VpnDown[3].Title));
        await RegisterAsync(VpnDown[4].Who, Incident(VpnDown[4].Title));
        await SettleAsync();
        Assert.Empty(Offers(Carmen.PersonalChat));

        // Three more within the window make five: the offer lists these five only.
        var recent = new List<Ticket>();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            recent.Add(await RegisterAsync(VpnDown[i].Who, Incident(VpnDown[i].Title)));
        }
        var offer = Words(CardIn(await DeliveredAsync(Carmen.PersonalChat, "POST", OfferHeading, "5 incidencias")));
        Assert.All(recent, t => Assert.Contains(t.Number.ToString(), offer));
        Assert.DoesNotContain("INC-000001", offer);
        Assert.DoesNotContain("lenta", offer);
        Assert.DoesNotContain("impresora", offer);
    }

    [Fact]
    public async Task Declaring_makes_one_major_incident_links_the_rest_and_tells_each_requester_once_in_their_language()
    {
        await StartDeskAsync();
        var tickets = new List<Ticket>();
        for (var i = 0; i < 5; i++) tickets.Add(await RegisterAsync(VpnDown[i].Who, Incident(VpnDown[i].Title)));
        var offer = CardIn(await DeliveredAsync(Carmen.PersonalChat, "POST", OfferHeading, "5 incidencias"));
        var declare = DeclareData(offer);

        // Only coordinators of the desk's organisation decide.
        Assert.Contains("Solo los coordinadores", (await ClickAsync(Ana, declare)).Message);
        Assert.Contains("organización", (await ClickAsync(Intruder, declare)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.False((await TicketAsync(tickets[0].Id)).IsMajor);

        var answer = await ClickAsync(Carmen, declare);
        var major = tickets[0]; // the earliest of equal priority
        Assert.Contains($"Carmen Vidal declaró incidencia grave {major.Number}", Words(answer.Card));
        Assert.Contains("5 personas avisadas", Words(answer.Card));
        Assert.False(CardData.Has(answer.Card, DeclareBurst.Verb));

        var saved = await TicketAsync(major.Id);
        Assert.True(saved.IsMajor);
        Assert.Equal(Priority.P1, saved.Priority);
        foreach (var ticket in tickets.Skip(1))
        {
            var linked = await TicketAsync(ticket.Id);
            Assert.Equal(major.Id, linked.MajorIncidentId);
            Assert.Contains(linked.Events, e => e.Type == TicketEventType.LinkedToMajorIncident && e.Actor.DisplayName == "Carmen Vidal");
        }

        // Each requester, in their language; the major incident's own requester hears their ticket is the major incident.
        await DeliveredAsync(Jorge.PersonalChat, "POST", $"{major.Number} es una incidencia grave", "Estamos trabajando en un problema de VPN y acceso remoto");
        await DeliveredAsync(Megan.PersonalChat, "POST", $"{tickets[1].Number} is part of major incident {major.Number}", "We are working on a VPN and remote access problem");
        await DeliveredAsync(Olga.PersonalChat, "POST", $"{tickets[2].Number} forma parte de la incidencia grave {major.Number}", "Te iremos informando aquí");
        await DeliveredAsync(Luis.PersonalChat, "POST", $"{tickets[3].Number} is part of major incident {major.Number}", "You'll get updates here");
        await DeliveredAsync(Marta.PersonalChat, "POST", $"{tickets[4].Number} forma parte de la incidencia grave {major.Number}");

        // A second click (a double tap, or the card before the update) changes nothing and gets the current card.
        var again = await ClickAsync(Carmen, declare);
        Assert.Contains($"declaró incidencia grave {major.Number}", Words(again.Card));
        await SettleAsync();
        foreach (var (who, _) in VpnDown.Take(5))
            Assert.Single(Connector.Delivered, r => r.Method == "POST" && IsTo(r, who.PersonalChat) && r.Body.Contains($"incident {major.Number}")
                || r.Method == "POST" && IsTo(r, who.PersonalChat) && r.Body.Contains($"grave {major.Number}")
                || r.Method == "POST" && IsTo(r, who.PersonalChat) && r.Body.Contains($"{major.Number} es una incidencia grave"));

        // A later report of the same outage joins the open major incident by itself; its requester is told, the card counts it.
        var late = await RegisterAsync(VpnDown[5].Who, Incident(VpnDown[5].Title));
        await DeliveredAsync(Pablo.PersonalChat, "POST", $"{late.Number} forma parte de la incidencia grave {major.Number}");
        await DeliveredAsync(Carmen.PersonalChat, "PUT", "1 incidencias posteriores enlazadas", late.Number.ToString());
        Assert.Equal(major.Id, (await TicketAsync(late.Id)).MajorIncidentId);
        Assert.Single(Offers(Carmen.PersonalChat));
        AssertCardsValid(DeliveredCards());
    }

    [Fact]
    public async Task A_restart_between_the_fifth_and_the_sixth_ticket_offers_nothing_new()
    {
        await StartDeskAsync();
        for (var i = 0; i < 5; i++) await RegisterAsync(VpnDown[i].Who, Incident(VpnDown[i].Title));
        await DeliveredAsync(Carmen.PersonalChat, "POST", OfferHeading, "5 incidencias");

        await StopAsync(Bot);
        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });

        var sixth = await RegisterAsync(VpnDown[5].Who, Incident(VpnDown[5].Title));
        await DeliveredAsync(Carmen.PersonalChat, "PUT", "6 incidencias", sixth.Number.ToString());
        await SettleAsync();
        Assert.Single(Offers(Carmen.PersonalChat));
    }

    [Fact]
    public async Task Not_related_is_recorded_in_the_coordinators_channel_and_the_burst_is_not_offered_again()
    {
        await StartDeskAsync();
        await PutGroupAsync("coordinators", 1, CoordinatorsChannel, "es-ES");
        for (var i = 0; i < 5; i++) await RegisterAsync(VpnDown[i].Who, Incident(VpnDown[i].Title));
        var offer = CardIn(await DeliveredAsync(CoordinatorsChannel, "POST", OfferHeading, "5 incidencias"));

        var answer = await ClickAsync(Carmen, CardData.Click(offer, DismissBurst.Verb), CoordinatorsChannel);
        Assert.Contains("Carmen Vidal indicó que no están relacionadas", Words(answer.Card));
        Assert.False(CardData.Has(answer.Card, DeclareBurst.Verb));

        var sixth = await RegisterAsync(VpnDown[5].Who, Incident(VpnDown[5].Title));
        await DeliveredAsync(CoordinatorsChannel, "PUT", "6 incidencias", "indicó que no están relacionadas", sixth.Number.ToString());
        await SettleAsync();
        Assert.Single(Offers(CoordinatorsChannel));
        Assert.Empty(Offers(Carmen.PersonalChat)); // one card, in the channel
        await using var scope = Host.Services.CreateAsyncScope();
        var burst = await scope.ServiceProvider.GetRequiredService<ServiceDeskContext>().Bursts.SingleAsync();
        Assert.Equal((BurstState.Dismissed, "Carmen Vidal", 6), (burst.State, burst.DecidedByName, burst.Tickets.Count));
        Assert.Null((await TicketAsync(sixth.Id)).MajorIncidentId);
    }

    private static TicketIntake Incident(string title, string category = "vpn") =>
        new(TicketKind.Incident, title, "", Impact.Medium, Urgency.High, category);

    private List<FakeBotConnector.RecordedRequest> Offers(string conversation) =>
        Connector.Delivered.Where(r => r.Method == "POST" && IsTo(r, conversation)
            && (r.Body.Contains(OfferHeading, StringComparison.Ordinal) || r.Body.Contains("Possible major incident", StringComparison.Ordinal))).ToList();

    private async Task<Ticket> TicketAsync(Guid id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ITicketRepository>().FindAsync(id))!;
    }

    // What Teams sends for "declare": the button's data with the card's inputs as the coordinator left them.
    private static JsonObject DeclareData(JsonElement card)
    {
        var choice = ActionData.InputId<DeclareBurst>(nameof(DeclareBurst.MajorTicketId));
        var message = ActionData.InputId<DeclareBurst>(nameof(DeclareBurst.Message));
        return CardData.Click(card, DeclareBurst.Verb, (choice, InputValue(card, choice)), (message, InputValue(card, message)));
    }

    private static string InputValue(JsonElement card, string id)
    {
        string? found = null;
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("id", out var i) && i.GetString() == id) found = e.GetProperty("value").GetString();
                foreach (var p in e.EnumerateObject()) Walk(p.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Walk(item);
            }
        }
        Walk(card);
        return found ?? throw new InvalidOperationException($"No input {id} on the card.");
    }
}
