using System.Text.Json.Nodes;
using NodaTime;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Desk;
using ServiceDesk.Cards.Problems;
using ServiceDesk.Cards.Intake;
using ServiceDesk.Cards.Knowledge;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Outages;
using ServiceDesk.Cards.Reports;
using ServiceDesk.Cards.Surveys;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Cards.Welcome;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Cards.CardFixtures;

namespace ServiceDesk.Tests.Cards;

/// <summary>One rendered card: which renderer and case, in which language and button style.</summary>
internal sealed record RenderedCard(string Name, Language Language, ActionKind Actions, JsonObject Card)
{
    /// <summary>A plain file name for the schema validator's report.</summary>
    public string FileName => $"{Name}-{Language.Code()}-{Actions.ToString().ToLowerInvariant()}.json";

    public override string ToString() => FileName;
}

/// <summary>
/// Every card the project renders, in every case worth telling apart (each ticket status for
/// both ticket cards, SLA phases, empty and full lists), in both languages and both button
/// styles. The schema, round-trip and language tests all walk this one gallery.
/// </summary>
internal static class CardGallery
{
    public static readonly IReadOnlyList<RenderedCard> All = Build().ToArray();

    public static IEnumerable<RenderedCard> In(Language language) => All.Where(c => c.Language == language);

    private static IEnumerable<RenderedCard> Build()
    {
        foreach (var language in Enum.GetValues<Language>())
        foreach (var actions in Enum.GetValues<ActionKind>())
        foreach (var (name, render) in Cases())
            yield return new RenderedCard(name, language, actions, render(Context(language, actions)));
    }

    public static IEnumerable<(string Name, Func<CardContext, JsonObject> Render)> Cases()
    {
        yield return ("welcome", c => WelcomeCard.Render(new WelcomeView("ServiceDesk", "Ana"), c));
        yield return ("welcome-anonymous", c => WelcomeCard.Render(new WelcomeView("ServiceDesk"), c));
        yield return ("welcome-team", c => WelcomeCard.RenderForTeam(new TeamWelcomeView("ServiceDesk", "Contoso IT", ["net-ops", "apps-l2"]), c));
        yield return ("welcome-team-unnamed", c => WelcomeCard.RenderForTeam(new TeamWelcomeView("ServiceDesk", null, []), c));
        yield return ("help-employee", c => HelpCard.Render(HelpAudience.Employee, "ServiceDesk", c));
        yield return ("help-agent", c => HelpCard.Render(HelpAudience.Agent, "ServiceDesk", c));
        yield return ("start", StartCard.Render);
        foreach (var kind in Enum.GetValues<TicketKind>())
            yield return ($"intake-{kind}", c => IntakeFormCard.Render(new IntakeFormView(kind,
                [new CatalogChoice("network", Network)], [new CatalogChoice("mail", Mail)], Title: "VPN 0x809"), c));
        yield return ("intake-no-catalog", c => IntakeFormCard.Render(new IntakeFormView(TicketKind.Incident, [], []), c));
        // The conversation flows: the form pre-filled from free text, known answers, the answers to what the bot did not understand.
        yield return ("intake-proposed", c => IntakeFormCard.Render(new IntakeFormView(TicketKind.Incident,
            [new CatalogChoice("network", Network)], [new CatalogChoice("mail", Mail)], "VPN 0x809", "VPN 0x809 · FortiClient 7.2")
            { Proposal = new IntakeProposal("network", "mail", Impact.Medium, Urgency.High) }, c));
        yield return ("intake-proposed-uncategorized", c => IntakeFormCard.Render(new IntakeFormView(TicketKind.InformationRequest,
            [new CatalogChoice("network", Network)], [], "Outlook 365?") { Proposal = new IntakeProposal(null, null, Impact.Low, Urgency.Low) }, c));
        yield return ("deflection", c => DeflectionCard.Render(new DeflectionView(
            [
                new KnowledgeAnswer(Guid.Parse("3d0c5a1e-8f7b-4c2d-9e6a-1b2c3d4e5f60"), "VPN 0x809", "FortiClient 7.2 · 0x809", "1. FortiClient 7.2\n2. 0x809"),
                new KnowledgeAnswer(Guid.Parse("4e1d6b2f-9a8c-4d3e-8f7b-2c3d4e5f6a71"), "VPN 0x80A", "FortiClient 7.4", "FortiClient 7.4", "INC-000031"),
            ],
            new SubmitIntake(TicketKind.Incident, "VPN 0x809", "VPN 0x809 · FortiClient 7.2", Impact.Low, Urgency.High, "network", "mail")), c));
        yield return ("answer-or-new", c => AnswerOrNewCard.Render(new AnswerOrNewView(Guid.Parse("6f1e4c1a-9a3b-4e51-8d2e-0c7f6a1b2c3d"), 4,
            new TicketNumber(TicketKind.Incident, 42), "Luis Pérez", "VPN 0x809?", "FortiClient 7.2", TicketKind.Incident), c));
        yield return ("start-nothing-to-cancel", c => StartCard.Render(c, c.Texts["flow.nothingToCancel"]));
        yield return ("help-not-understood", c => HelpCard.Render(HelpAudience.Employee, "ServiceDesk", c, c.Texts["flow.notUnderstood"]));

        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            yield return ($"requester-{status}", c => RequesterTicketCard.Render(ViewOf(TicketIn(status)), c));
            yield return ($"agent-{status}", c => AgentTicketCard.Render(ViewOf(TicketIn(status)), c));
        }
        yield return ("requester-request-resolved", c => RequesterTicketCard.Render(ViewOf(TicketIn(TicketStatus.Resolved, TicketKind.ServiceRequest)), c));
        yield return ("agent-request-new", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.New, TicketKind.ServiceRequest)), c));
        yield return ("agent-question-assigned", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.Assigned, TicketKind.InformationRequest)), c));
        yield return ("agent-level2", c => AgentTicketCard.Render(ViewOf(AtLevelTwo(), agents: [Agent, Specialist]), c));
        yield return ("agent-closure-approval", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.Resolved), closureNeedsApproval: true), c));
        yield return ("agent-major", c => AgentTicketCard.Render(ViewOf(Major()), c));
        yield return ("agent-warning", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.InProgress), Local("2026-11-17 12:00")), c));
        yield return ("agent-breached", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.InProgress), Local("2026-11-18 09:00")), c));
        yield return ("requester-breached", c => RequesterTicketCard.Render(ViewOf(TicketIn(TicketStatus.InProgress), Local("2026-11-18 09:00")), c));

        yield return ("my-tickets", c => MyTicketsCard.Render(
            [.. Enum.GetValues<TicketStatus>().Select(s => TicketSummary.From(TicketIn(s)))], c));
        yield return ("my-tickets-empty", c => MyTicketsCard.Render([], c));
        yield return ("my-tickets-sla", c => MyTicketsCard.Render(
            [.. new[] { TicketStatus.New, TicketStatus.Pending, TicketStatus.InProgress }.Select(s => TicketSummary.From(TicketIn(s), SlaOf(TicketIn(s), Now)))], c));
        yield return ("my-tickets-many", c => MyTicketsCard.Render(
            [.. Enumerable.Range(0, 14).Select(i => TicketSummary.From(NewTicket(created: Created - Duration.FromDays(i))))], c));
        yield return ("survey", c => SurveyCard.Render(
            new SurveyView(Guid.Parse("0b8e0d7c-2f7e-4d5e-9f10-3a2b1c0d9e8f"), TicketIn(TicketStatus.Resolved).Id, 5, new TicketNumber(TicketKind.Incident, 42), "VPN 0x809"), c));

        var number = new TicketNumber(TicketKind.Incident, 42);
        var id = NewTicket().Id;
        yield return ("message-out-of-date", c => MessageCard.Render(Messages.OutOfDate(c.Texts), c));
        yield return ("message-out-of-date-ticket", c => MessageCard.Render(Messages.OutOfDate(c.Texts, number, id), c));
        yield return ("message-already-claimed", c => MessageCard.Render(Messages.AlreadyClaimed(c.Texts, number, "Luis Pérez", id), c));
        yield return ("message-not-allowed", c => MessageCard.Render(Messages.NotAllowed(c.Texts), c));
        yield return ("message-not-found", c => MessageCard.Render(Messages.TicketNotFound(c.Texts, "INC-000077"), c));
        yield return ("message-failed", c => MessageCard.Render(Messages.Failed(c.Texts), c));
        yield return ("message-registered", c => MessageCard.Render(Messages.TicketRegistered(c.Texts, number, id), c));
        yield return ("message-done", c => MessageCard.Render(Messages.Done(c.Texts, "INC-000042"), c));

        // The agent desk: escalation to a chosen group, the card left behind, questions, problems, the queue.
        yield return ("agent-escalation-groups", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.InProgress)) with
        {
            EscalationGroups = [new EscalationTarget("net-l2", SupportLevel.L2), new EscalationTarget("infra-l3", SupportLevel.L3)],
        }, c));
        yield return ("agent-categorize", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.Assigned)) with
        {
            CategoryChoices = [new("network", Network), new("mail", Mail)],
            CategoryKey = "network",
        }, c));
        yield return ("agent-uncategorized", c => AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.New)) with
        {
            Category = null,
            CategoryChoices = [new("network", Network), new("mail", Mail)],
        }, c));
        yield return ("agent-moved", c => MovedTicketCard.Render(ViewOf(AtLevelTwo()), AtLevelTwo().Escalations.Last(), c));
        yield return ("question", c => QuestionCard.Render(new QuestionView(id, 5, number, "VPN 0x809", "Luis Pérez", "FortiClient 7.2?"), c));
        var problemId = Guid.Parse("5f2e7c3a-0b9d-4e4f-8a6b-3c4d5e6f7a82");
        yield return ("problem-open", c => ProblemCard.Render(new ProblemView(problemId, 2, "PRB-000003", "VPN 0x809", ProblemStatus.Open, "net-l2",
            null, null, Specialist, Dto(Created), ["INC-000042"]), c));
        yield return ("problem-known-error", c => ProblemCard.Render(new ProblemView(problemId, 3, "PRB-000003", "VPN 0x809", ProblemStatus.KnownError, "net-l2",
            "FortiClient 7.2", null, Specialist, Dto(Created), [.. Enumerable.Range(40, 12).Select(i => $"INC-0000{i}")]), c));
        yield return ("problem-resolved", c => ProblemCard.Render(new ProblemView(problemId, 4, "PRB-000003", "VPN 0x809", ProblemStatus.Resolved, "net-l2",
            "FortiClient 7.2", "FortiGate 7.4.2", Specialist, Dto(Created), ["INC-000042"]), c));
        yield return ("queue", c => QueueCard.Render(
        [
            new QueueLine(number, "VPN 0x809", Priority.P2, TicketStatus.New, SupportLevel.L1, "net-ops", Dto(Created), SlaPhase.Warning, null),
            new QueueLine(new TicketNumber(TicketKind.ServiceRequest, 7), "SAP", Priority.P4, TicketStatus.Pending, SupportLevel.L1, "net-ops",
                Dto(Created - Duration.FromDays(3)), SlaPhase.Paused, "Luis Pérez"),
            new QueueLine(new TicketNumber(TicketKind.Incident, 43), "DNS", Priority.P1, TicketStatus.InProgress, SupportLevel.L3, "infra-l3",
                Dto(Created), SlaPhase.Breached, "Marta Gil"),
        ], c));
        yield return ("queue-empty", c => QueueCard.Render([], c));
        foreach (var burst in ServiceDesk.Tests.Bursts.BurstCardCases.All()) yield return burst;

        // Answered surveys, outage notices and the coordinator's cards: the form, the fan-out's progress, the KPI reports.
        yield return ("survey-answered", c => SurveyAnswerCard.Render(new SurveyAnswerView(number, 4, "FortiClient 7.2", Closed: true, AlreadyAnswered: false), c));
        yield return ("survey-already-answered", c => SurveyAnswerCard.Render(new SurveyAnswerView(number, 2, null, Closed: false, AlreadyAnswered: true), c));
        var outage = Guid.Parse("0b9f3c5e-8d0a-4a51-9b7e-2f1d3c4b5a69");
        var at = Dto(Created);
        yield return ("outage-form", c => OutageFormCard.Render([new("vpn", "VPN"), new("mail", "Exchange")], c));
        foreach (var status in Enum.GetValues<OutageStatus>())
        {
            yield return ($"outage-notice-{status}", c => OutageNoticeCard.Render(new OutageNoticeView(outage, "VPN", "VPN 0x809", "FortiClient 7.2",
                OutageSeverity.Major, status, at, status == OutageStatus.Scheduled ? null : "FortiGate 7.4.2", at.AddMinutes(5),
                status == OutageStatus.Ended ? at.AddHours(1) : null), c));
            yield return ($"outage-progress-{status}", c => OutageProgressCard.Render(new OutageProgressView(outage, "VPN", "VPN 0x809", OutageSeverity.Major, status,
                OutageAudienceKind.Departments, ["IT", "HR"], at, new OutageProgress(10, 3, 6, 1, 0), 2,
                status == OutageStatus.Active ? "INC-000042" : null, "FortiGate 7.4.2"), c));
        }
        yield return ("outage-notice-affected", c => OutageNoticeCard.Render(new OutageNoticeView(outage, "VPN", "VPN 0x809", "FortiClient 7.2",
            OutageSeverity.Security, OutageStatus.Active, at, null, null, null, "INC-000042"), c));
        yield return ("kpi-report-daily", c => KpiReportCard.Render(ServiceDesk.Tests.Reports.KpiReportCardTests.View(), c));
        yield return ("kpi-report-weekly", c => KpiReportCard.Render(ServiceDesk.Tests.Reports.KpiReportCardTests.View() with { Cadence = KpiReportCadence.Weekly }, c));
    }

    private static Ticket Major()
    {
        var ticket = TicketIn(TicketStatus.Assigned);
        ticket.DeclareMajor(Targets, Agent, Dto(Created + Duration.FromMinutes(30)));
        return ticket;
    }
}
