using System.Text.Json.Nodes;
using NodaTime;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Cards.CardFixtures;

namespace ServiceDesk.Tests.Cards;

/// <summary>What the ticket cards offer in each status, and what they say.</summary>
public class TicketCardTests
{
    private static JsonObject Agent(Ticket ticket, Language language = Language.English, Instant? now = null, bool approval = false) =>
        AgentTicketCard.Render(ViewOf(ticket, now, approval), Context(language, now: now));

    private static JsonObject Requester(Ticket ticket, Language language = Language.English, Instant? now = null) =>
        RequesterTicketCard.Render(ViewOf(ticket, now), Context(language, now: now));

    private static JsonArray? ButtonRow(JsonObject card) =>
        card["body"]!.AsArray().LastOrDefault(e => (string?)e!["type"] == "ActionSet")?["actions"]?.AsArray();

    private static string[] Titles(JsonArray? actions) => actions?.Select(a => (string)a!["title"]!).ToArray() ?? [];

    private static string[] MoreTitles(JsonObject card) =>
        Titles(ButtonRow(card)?.SingleOrDefault(a => (string?)a!["title"] == "More…")?["card"]!["body"]![0]!["actions"]!.AsArray());

    private static Dictionary<string, string> Facts(JsonObject card) =>
        CardWalk.Objects(card).Where(o => (string?)o["type"] == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray()).ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);

    public static TheoryData<TicketStatus, string[]> AgentPrimaryActions() => new()
    {
        { TicketStatus.New, ["Claim", "More…"] },
        { TicketStatus.Assigned, ["Start work", "Resolve", "Put on hold", "More…"] },
        { TicketStatus.InProgress, ["Resolve", "Put on hold", "More…"] },
        { TicketStatus.Pending, ["Resume", "More…"] },
        { TicketStatus.Resolved, ["More…"] },
        { TicketStatus.Closed, [] },
        { TicketStatus.Cancelled, [] },
    };

    [Theory]
    [MemberData(nameof(AgentPrimaryActions))]
    public void The_agent_card_offers_the_next_step_of_the_lifecycle_first(TicketStatus status, string[] expected)
    {
        var card = Agent(TicketIn(status));
        Assert.Equal(expected, Titles(ButtonRow(card)));
        // Finished tickets change no more: nothing to refresh.
        Assert.Equal(status.IsTerminal(), card["refresh"] is null);
    }

    [Fact]
    public void The_refresh_goes_to_the_given_teams_users_or_to_whoever_teams_decides()
    {
        var ticket = TicketIn(TicketStatus.New);
        var listed = AgentTicketCard.Render(ViewOf(ticket), Context(Language.English) with { RefreshUserIds = ["29:a", "29:b"] });
        Assert.Equal(["29:a", "29:b"], listed["refresh"]!["userIds"]!.AsArray().Select(u => (string)u!));
        Assert.Equal("Action.Execute", (string?)listed["refresh"]!["action"]!["type"]);
        var open = AgentTicketCard.Render(ViewOf(ticket), Context(Language.English) with { RefreshUserIds = null });
        Assert.Null(open["refresh"]!["userIds"]);
        Assert.Throws<ArgumentException>(() => Context(Language.English) with { RefreshUserIds = [.. Enumerable.Range(0, 61).Select(i => $"29:{i}")] });
    }

    [Fact]
    public void More_holds_the_secondary_actions_an_open_incident_allows()
    {
        Assert.Equal(
            ["Escalate", "Assign", "Comment", "Ask the requester", "Declare major incident", "Link to a problem", "Call the coordinator"],
            MoreTitles(Agent(TicketIn(TicketStatus.New))));
        // A resolved incident can still be tied to its root cause.
        Assert.Equal(["Comment", "Reopen", "Link to a problem", "Call the coordinator"], MoreTitles(Agent(TicketIn(TicketStatus.Resolved))));
    }

    [Fact]
    public void Problems_are_opened_from_level_two_and_escalation_only_goes_up()
    {
        var card = Agent(AtLevelTwo());
        Assert.Contains("Open a problem", MoreTitles(card));
        var escalateTo = CardWalk.Objects(card).Single(o => (string?)o["id"] == "escalateTicket.to");
        Assert.Equal(["L3"], escalateTo["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Equal(["Level 3"], escalateTo["choices"]!.AsArray().Select(c => (string)c!["title"]!));
    }

    [Fact]
    public void Requests_and_questions_cannot_be_major_or_linked_to_problems()
    {
        var more = MoreTitles(Agent(TicketIn(TicketStatus.New, TicketKind.ServiceRequest)));
        Assert.DoesNotContain("Declare major incident", more);
        Assert.DoesNotContain("Link to a problem", more);
    }

    [Fact]
    public void Groups_that_require_approval_get_approve_and_reject_on_resolved_tickets()
    {
        Assert.Equal(["Approve closure", "Reject closure", "More…"], Titles(ButtonRow(Agent(TicketIn(TicketStatus.Resolved), approval: true))));
    }

    [Fact]
    public void The_agent_card_shows_who_what_where_and_the_last_three_events_newest_first()
    {
        var ticket = TicketIn(TicketStatus.Pending);
        var card = Agent(ticket, Language.Spanish, Local("2026-11-16 10:00"));
        var facts = Facts(card);
        Assert.Equal("Ana Ruiz · Finanzas", facts["Solicitante"]);
        Assert.Equal("Red", facts["Categoría"]);
        Assert.Equal("Correo", facts["Servicio"]);
        Assert.Equal("En espera", facts["Estado"]);
        Assert.Equal("Nivel 1 · net-ops", facts["Nivel de soporte"]);
        Assert.Equal("Luis Pérez", facts["Asignado a"]);
        Assert.Equal("Medio / Media", facts["Impacto / urgencia"]);
        var texts = CardWalk.VisibleStrings(card).ToArray();
        var events = texts.Where(t => t.StartsWith("lun 16 nov, 09:", StringComparison.Ordinal) && t.Contains(" · ")).ToArray();
        Assert.Equal(
            [
                "lun 16 nov, 09:30 · Luis Pérez: lo puso en espera: ACME #4411",
                "lun 16 nov, 09:20 · Luis Pérez: empezó a trabajar en él",
                "lun 16 nov, 09:10 · Luis Pérez: se lo asignó",
            ],
            events);
    }

    [Fact]
    public void Event_details_written_by_the_domain_are_translated()
    {
        var ticket = TicketIn(TicketStatus.Resolved);
        var texts = CardWalk.VisibleStrings(Agent(ticket, Language.Spanish)).ToArray();
        Assert.Contains("lun 16 nov, 09:30 · Luis Pérez: lo resolvió: Solucionado: KB-17", texts);
        var escalated = CardWalk.VisibleStrings(Agent(AtLevelTwo(), Language.English)).ToArray();
        Assert.Contains("Mon 16 Nov, 09:40 · Luis Pérez: escalated it to Level 2 (net-l2): ACME #4411", escalated);
    }

    [Fact]
    public void The_priority_is_coloured_and_a_major_incident_says_so()
    {
        var major = TicketIn(TicketStatus.Assigned);
        major.DeclareMajor(Targets, CardFixtures.Agent, Dto(Created + Duration.FromMinutes(30)));
        var card = Agent(major);
        var priority = CardWalk.Objects(card).First(o => (string?)o["text"] == "P1 · Critical");
        Assert.Equal("attention", (string?)priority["color"]);
        Assert.Contains("MAJOR INCIDENT", CardWalk.VisibleStrings(card));
        Assert.DoesNotContain("Declare major incident", MoreTitles(card));
        var normal = CardWalk.Objects(Agent(TicketIn(TicketStatus.New))).First(o => (string?)o["text"] == "P3 · Medium");
        Assert.Equal("accent", (string?)normal["color"]);
    }

    public static TheoryData<TicketStatus, string[], string> RequesterCases() => new()
    {
        { TicketStatus.New, ["Add a comment", "Cancel ticket"], "It is in the support team's queue; an agent will pick it up by Mon 16 Nov, 13:00." },
        { TicketStatus.Assigned, ["Add a comment", "Cancel ticket"], "Luis Pérez is handling your ticket." },
        { TicketStatus.InProgress, ["Add a comment"], "Luis Pérez is working on it." },
        { TicketStatus.Pending, ["Add a comment"], "It is on hold: ACME #4411. If we asked you something, answer with \"Add a comment\"." },
        { TicketStatus.Resolved, ["Yes, it's fixed", "Not fixed"], "We believe it is solved: KB-17. Is it fixed? Confirm it, or reopen it if not." },
        { TicketStatus.Closed, [], "This ticket is closed. Thank you!" },
        { TicketStatus.Cancelled, [], "This ticket was cancelled." },
    };

    [Theory]
    [MemberData(nameof(RequesterCases))]
    public void The_requester_card_says_what_happens_next_and_offers_what_makes_sense(TicketStatus status, string[] buttons, string next)
    {
        var card = Requester(TicketIn(status));
        Assert.Equal(buttons, Titles(ButtonRow(card)));
        Assert.Contains(next, CardWalk.VisibleStrings(card));
    }

    [Fact]
    public void The_requester_sees_kind_priority_status_and_target_in_their_language_and_zone()
    {
        var card = RequesterTicketCard.Render(ViewOf(TicketIn(TicketStatus.Assigned)),
            new CardContext(Texts.Spanish, DateTimeZoneProviders.Tzdb["Atlantic/Canary"], Now));
        var facts = Facts(card);
        Assert.Equal("Incidencia", facts["Tipo"]);
        Assert.Equal("P3 · Media", facts["Prioridad"]);
        Assert.Equal("Asignado", facts["Estado"]);
        Assert.Equal("Luis Pérez", facts["Asignado a"]);
        // Due Tue 15:00 in Madrid is 14:00 in the Canaries.
        Assert.Equal("mar 17 nov, 14:00", facts["Resolución prevista"]);
        Assert.Equal("lun 16 nov, 08:00", facts["Abierto el"]);
    }
}
