using NodaTime;
using NodaTime.Text;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Cards;

/// <summary>
/// Tickets in every status, with their SLA evaluated on the Madrid office calendar. The data is
/// language-neutral on purpose (names, codes, "ACME #4411"), so the mixed-language check sees
/// only what the catalog put on the card.
/// </summary>
internal static class CardFixtures
{
    // First: the instants below are parsed with it during type initialization.
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    public static readonly DateTimeZone Madrid = DateTimeZoneProviders.Tzdb["Europe/Madrid"];

    /// <summary>Mon–Fri 08:00–18:00, no holidays in the weeks the tests use.</summary>
    public static readonly BusinessCalendar Office =
        BusinessCalendar.Weekdays("office", "Europe/Madrid", new LocalTime(8, 0), new LocalTime(18, 0), []);

    /// <summary>P3-like targets: first response in 4 business hours, resolution in 16.</summary>
    public static readonly TicketSlaTargets Targets = new("standard", "office", TimeSpan.FromHours(4), TimeSpan.FromHours(16));

    public static readonly Requester Employee = new("emp-7", "Ana Ruiz", "es-ES", "Finanzas");
    public static readonly PersonRef Agent = new("luis", "Luis Pérez");
    public static readonly PersonRef Specialist = new("marta", "Marta Gil");
    public static readonly LocalizedText Network = new("Red", "Network");
    public static readonly LocalizedText Mail = new("Correo", "Email");

    /// <summary>Monday 16 November 2026, 09:00 in Madrid.</summary>
    public static readonly Instant Created = Local("2026-11-16 09:00");

    /// <summary>Monday 10:00: one business hour in, nothing due yet.</summary>
    public static readonly Instant Now = Local("2026-11-16 10:00");

    public static Instant Local(string local) => LocalPattern.Parse(local).Value.InZoneStrictly(Madrid).ToInstant();

    public static DateTimeOffset Dto(Instant instant) => instant.ToDateTimeOffset();

    public static CardContext Context(Language language, ActionKind actions = ActionKind.Execute, Instant? now = null) =>
        new(Texts.For(language), Madrid, now ?? Now) { Actions = actions, RefreshUserIds = ["29:agent-1"] };

    public static Ticket NewTicket(TicketKind kind = TicketKind.Incident, Instant? created = null)
    {
        var ticket = Ticket.Open(Guid.Parse("6f1e4c1a-9a3b-4e51-8d2e-0c7f6a1b2c3d"), kind, "VPN 0x809", "0x809 / client 5.2",
            Employee, Impact.Medium, Urgency.Medium, "network", "mail", "net-ops", SupportLevel.L1, Targets, Dto(created ?? Created));
        ticket.AssignNumber(42);
        return ticket;
    }

    /// <summary>A ticket brought to <paramref name="status"/> by the usual path, each step ten minutes after the last.</summary>
    public static Ticket TicketIn(TicketStatus status, TicketKind kind = TicketKind.Incident)
    {
        var ticket = NewTicket(kind);
        var at = Created;
        DateTimeOffset Next() => Dto(at += Duration.FromMinutes(10));
        switch (status)
        {
            case TicketStatus.New:
                break;
            case TicketStatus.Cancelled:
                ticket.Cancel("ACME #4411", Employee.AsPerson(), Next());
                break;
            default:
                ticket.Claim(Agent, Next());
                if (status == TicketStatus.Assigned) break;
                ticket.Start(Agent, Next());
                if (status == TicketStatus.InProgress) break;
                if (status == TicketStatus.Pending)
                {
                    ticket.PutOnHold("ACME #4411", Agent, Next());
                    break;
                }
                ticket.Resolve(new Resolution(ResolutionCode.Fixed, "KB-17", false, false), Agent, Next());
                if (status == TicketStatus.Closed) ticket.Close(Agent, Next());
                break;
        }
        return ticket;
    }

    /// <summary>Escalated to level 2 and claimed there by a specialist: where problems can be opened.</summary>
    public static Ticket AtLevelTwo()
    {
        var ticket = TicketIn(TicketStatus.InProgress);
        ticket.Escalate(SupportLevel.L2, "net-l2", "ACME #4411", Agent, Dto(Created + Duration.FromMinutes(40)));
        ticket.Claim(Specialist, Dto(Created + Duration.FromMinutes(50)));
        return ticket;
    }

    public static SlaState SlaOf(Ticket ticket, Instant now) =>
        SlaClock.Evaluate(ticket.ToSlaTimeline(), ticket.Sla.ToSlaTargets(), Office, now);

    public static TicketView ViewOf(Ticket ticket, Instant? now = null, bool closureNeedsApproval = false, IReadOnlyList<PersonRef>? agents = null) =>
        TicketView.From(ticket, SlaOf(ticket, now ?? Now), new Category("network", Network, TicketKind.Incident, "net-ops", "mail", [], []),
            new Service("mail", Mail, "net-ops"), closureNeedsApproval: closureNeedsApproval, assignableAgents: agents);
}
