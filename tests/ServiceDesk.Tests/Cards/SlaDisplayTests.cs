using System.Text.Json.Nodes;
using NodaTime;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Cards.CardFixtures;

namespace ServiceDesk.Tests.Cards;

/// <summary>
/// The live SLA on the cards, on the Madrid office calendar (Mon–Fri 08:00–18:00): created Monday
/// 16 Nov 09:00 with 4 business hours to respond and 16 to resolve, so the response is due Monday
/// 13:00 (warning at 12:00) and the resolution Tuesday 15:00 (warning after 12 business hours).
/// </summary>
public class SlaDisplayTests
{
    private static string[] SlaLines(Ticket ticket, string now, Language language = Language.English) =>
        Lines(AgentTicketCard.Render(ViewOf(ticket, Local(now)), Context(language, now: Local(now))));

    private static string[] Lines(JsonObject card) => CardWalk.Objects(card)
        .Where(o => (string?)o["type"] == "RichTextBlock")
        .Select(o => string.Concat(o["inlines"]!.AsArray().Select(r => (string)r!["text"]!)))
        .ToArray();

    private static string? PhaseColor(Ticket ticket, string now) => CardWalk.Objects(AgentTicketCard.Render(ViewOf(ticket, Local(now)), Context(Language.English, now: Local(now))))
        .Where(o => (string?)o["type"] == "RichTextBlock").Last()["inlines"]![1]!["color"]?.GetValue<string>();

    private static string RequesterTarget(Ticket ticket, string now, Language language = Language.English)
    {
        var card = RequesterTicketCard.Render(ViewOf(ticket, Local(now)), Context(language, now: Local(now)));
        var title = language == Language.English ? "Expected resolution" : "Resolución prevista";
        return CardWalk.Objects(card).Where(o => (string?)o["type"] == "FactSet").SelectMany(f => f["facts"]!.AsArray())
            .Single(f => (string?)f!["title"] == title)!["value"]!.GetValue<string>();
    }

    [Fact]
    public void A_new_ticket_shows_both_clocks_on_track()
    {
        Assert.Equal(
            ["Respuesta: En plazo · vence lun 16 nov, 13:00", "Resolución: En plazo · quedan 15 h laborables · vence mar 17 nov, 15:00"],
            SlaLines(TicketIn(TicketStatus.New), "2026-11-16 10:00", Language.Spanish));
        Assert.Equal(
            ["Response: On track · due Mon 16 Nov, 13:00", "Resolution: On track · 15 h business time left · due Tue 17 Nov, 15:00"],
            SlaLines(TicketIn(TicketStatus.New), "2026-11-16 10:00"));
        Assert.Equal("good", PhaseColor(TicketIn(TicketStatus.New), "2026-11-16 10:00"));
    }

    [Fact]
    public void The_response_clock_warns_at_three_quarters_and_breaches_at_its_due()
    {
        Assert.Equal(
            ["Response: At risk · due Mon 16 Nov, 13:00", "Resolution: On track · 13 h business time left · due Tue 17 Nov, 15:00"],
            SlaLines(TicketIn(TicketStatus.New), "2026-11-16 12:00"));
        Assert.Equal("Response: Breached · was due Mon 16 Nov, 13:00", SlaLines(TicketIn(TicketStatus.New), "2026-11-16 14:00")[0]);
    }

    [Fact]
    public void Once_answered_in_time_only_the_resolution_clock_shows()
    {
        Assert.Equal(
            ["Resolution: On track · 15 h business time left · due Tue 17 Nov, 15:00"],
            SlaLines(TicketIn(TicketStatus.InProgress), "2026-11-16 10:00"));
    }

    [Fact]
    public void The_resolution_clock_warns_after_three_quarters_of_its_business_time()
    {
        // Monday 09:00–18:00 and Tuesday 08:00–12:00: 13 of 16 business hours used.
        Assert.Equal(["Resolution: At risk · 3 h business time left · due Tue 17 Nov, 15:00"], SlaLines(TicketIn(TicketStatus.InProgress), "2026-11-17 12:00"));
        Assert.Equal(["Resolución: En riesgo · quedan 3 h laborables · vence mar 17 nov, 15:00"], SlaLines(TicketIn(TicketStatus.InProgress), "2026-11-17 12:00", Language.Spanish));
        Assert.Equal("warning", PhaseColor(TicketIn(TicketStatus.InProgress), "2026-11-17 12:00"));
    }

    [Fact]
    public void A_paused_clock_says_why_and_how_much_is_left()
    {
        // On hold since Monday 09:30: half an hour used, the rest waits.
        var pending = TicketIn(TicketStatus.Pending);
        Assert.Equal(["Resolution: Paused · ACME #4411 · 15 h 30 min business time left when work resumes"], SlaLines(pending, "2026-11-17 10:00"));
        Assert.Equal(["Resolución: En pausa · ACME #4411 · quedarán 15 h 30 min laborables al reanudarse"], SlaLines(pending, "2026-11-17 10:00", Language.Spanish));
        Assert.Equal("accent", PhaseColor(pending, "2026-11-17 10:00"));
        Assert.Equal("On hold, the clock is stopped", RequesterTarget(pending, "2026-11-17 10:00"));
    }

    [Fact]
    public void A_breached_clock_says_when_it_was_due()
    {
        var late = TicketIn(TicketStatus.InProgress);
        Assert.Equal(["Resolution: Breached · was due Tue 17 Nov, 15:00"], SlaLines(late, "2026-11-18 09:00"));
        Assert.Equal(["Resolución: Incumplido · venció mar 17 nov, 15:00"], SlaLines(late, "2026-11-18 09:00", Language.Spanish));
        Assert.Equal("attention", PhaseColor(late, "2026-11-18 09:00"));
        Assert.Equal("Running late (expected Tue 17 Nov, 15:00)", RequesterTarget(late, "2026-11-18 09:00"));
        Assert.Equal("Con retraso (prevista mar 17 nov, 15:00)", RequesterTarget(late, "2026-11-18 09:00", Language.Spanish));
    }

    [Fact]
    public void A_met_clock_says_when_it_was_resolved()
    {
        Assert.Equal(["Resolution: Met · resolved Mon 16 Nov, 09:30"], SlaLines(TicketIn(TicketStatus.Resolved), "2026-11-16 10:00"));
        Assert.Equal(["Resolución: Cumplido · resuelto lun 16 nov, 09:30"], SlaLines(TicketIn(TicketStatus.Closed), "2026-11-16 10:00", Language.Spanish));
        Assert.Equal("good", PhaseColor(TicketIn(TicketStatus.Resolved), "2026-11-16 10:00"));
    }

    [Fact]
    public void A_late_resolution_stays_breached()
    {
        var ticket = TicketIn(TicketStatus.InProgress);
        ticket.Resolve(new Resolution(ResolutionCode.Fixed, "KB-17", false, false), Agent, Dto(Local("2026-11-18 10:00")));
        Assert.Equal(["Resolution: Breached · resolved Wed 18 Nov, 10:00, was due Tue 17 Nov, 15:00"], SlaLines(ticket, "2026-11-18 11:00"));
    }

    [Fact]
    public void A_cancelled_ticket_has_no_clock()
    {
        Assert.Empty(SlaLines(TicketIn(TicketStatus.Cancelled), "2026-11-16 10:00"));
        var card = RequesterTicketCard.Render(ViewOf(TicketIn(TicketStatus.Cancelled)), Context(Language.English));
        Assert.DoesNotContain(CardWalk.VisibleStrings(card), t => t == "Expected resolution");
    }

    [Fact]
    public void The_requester_gets_the_due_date_in_their_own_zone()
    {
        var card = RequesterTicketCard.Render(ViewOf(TicketIn(TicketStatus.InProgress)),
            Context(Language.English) with { Zone = DateTimeZoneProviders.Tzdb["America/New_York"] });
        Assert.Contains("Tue 17 Nov, 09:00", CardWalk.VisibleStrings(card));
    }
}
