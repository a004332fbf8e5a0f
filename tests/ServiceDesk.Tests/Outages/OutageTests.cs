using ServiceDesk.Domain;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Outages;

/// <summary>The outage's lifecycle (Scheduled → Active → updates → Ended) and its recipients' delivery, as tables.</summary>
public sealed class OutageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Carmen = new("carmen", "Carmen Vidal");
    private static readonly TicketSlaTargets P1 = new("p1", "24x7", TimeSpan.FromMinutes(15), TimeSpan.FromHours(4));

    private static Outage Declare(DateTimeOffset? startsAt = null, OutageAudienceKind audience = OutageAudienceKind.Everyone, string[]? departments = null) =>
        Outage.Declare(Guid.NewGuid(), "email", "Correo caído", "No se puede enviar correo.", OutageSeverity.Major, audience, departments, startsAt, Carmen, Now);

    private static Outage In(OutageStatus status)
    {
        var outage = Declare(status == OutageStatus.Scheduled ? Now.AddHours(1) : null);
        if (status is OutageStatus.Active or OutageStatus.Ended) outage.Publish(Now);
        if (status == OutageStatus.Ended) outage.End(null, Carmen, Now);
        return outage;
    }

    public enum Step { Publish, Update, End }

    public static TheoryData<OutageStatus, Step, OutageStatus?> Transitions => new()
    {
        // from, step, to (null: refused)
        { OutageStatus.Scheduled, Step.Publish, OutageStatus.Active },
        { OutageStatus.Scheduled, Step.Update, null },
        { OutageStatus.Scheduled, Step.End, OutageStatus.Ended },
        { OutageStatus.Active, Step.Publish, null },
        { OutageStatus.Active, Step.Update, OutageStatus.Active },
        { OutageStatus.Active, Step.End, OutageStatus.Ended },
        { OutageStatus.Ended, Step.Publish, null },
        { OutageStatus.Ended, Step.Update, null },
        { OutageStatus.Ended, Step.End, null },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_step_is_allowed_from_some_states_only(OutageStatus from, Step step, OutageStatus? to)
    {
        var outage = In(from);
        var version = outage.Version;
        var at = Now.AddHours(2); // past a scheduled start
        Action act = step switch
        {
            Step.Publish => () => outage.Publish(at),
            Step.Update => () => outage.PostUpdate("Seguimos trabajando", Carmen, at),
            _ => () => outage.End("Resuelto", Carmen, at),
        };
        if (to is null)
        {
            Assert.Throws<DomainException>(act);
            Assert.Equal(from, outage.Status);
            Assert.Equal(version, outage.Version);
        }
        else
        {
            act();
            Assert.Equal(to, outage.Status);
            Assert.True(outage.Version > version);
        }
    }

    [Fact]
    public void A_scheduled_outage_is_not_published_before_its_start()
    {
        var outage = Declare(Now.AddHours(1));
        Assert.False(outage.IsDueAt(Now));
        Assert.Equal("outage.notDue", Assert.Throws<DomainException>(() => outage.Publish(Now.AddMinutes(59))).Code);
        Assert.True(outage.IsDueAt(Now.AddHours(1)));
        outage.Publish(Now.AddHours(1));
        Assert.Equal(Now.AddHours(1), outage.PublishedAt);
    }

    [Fact]
    public void Updates_are_appended_in_order_and_the_end_keeps_its_closing_word()
    {
        var outage = In(OutageStatus.Active);
        outage.PostUpdate(" Identificada la causa ", Carmen, Now.AddMinutes(10));
        outage.End("Servicio restablecido", Carmen, Now.AddMinutes(30));
        Assert.Equal([1, 2], outage.Updates.Select(u => u.Sequence));
        Assert.Equal("Identificada la causa", outage.Updates[0].Text);
        Assert.Equal("Servicio restablecido", outage.LastUpdate!.Text);
        Assert.Equal(Carmen, outage.LastUpdate.By);
        Assert.Equal(Now.AddMinutes(30), outage.EndedAt);
    }

    public static TheoryData<string, string, string, OutageAudienceKind, string[]?, int?> BadDeclarations => new()
    {
        { "", "Título", "Mensaje", OutageAudienceKind.Everyone, null, null },
        { "email", " ", "Mensaje", OutageAudienceKind.Everyone, null, null },
        { "email", "Título", "", OutageAudienceKind.Everyone, null, null },
        { "email", "Título", "Mensaje", OutageAudienceKind.Departments, null, null },
        { "email", "Título", "Mensaje", OutageAudienceKind.Departments, [" "], null },
        { "email", "Título", "Mensaje", OutageAudienceKind.Everyone, ["Finanzas"], null },
        { "email", "Título", "Mensaje", OutageAudienceKind.Everyone, null, -5 },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void A_declaration_without_what_people_need_is_refused(string service, string title, string message, OutageAudienceKind audience,
        string[]? departments, int? startsInMinutes)
    {
        Assert.Throws<DomainException>(() => Outage.Declare(Guid.NewGuid(), service, title, message, OutageSeverity.Minor, audience, departments,
            startsInMinutes is { } m ? Now.AddMinutes(m) : null, Carmen, Now));
    }

    [Fact]
    public void A_start_a_few_seconds_ago_counts_as_now_and_departments_are_kept_once()
    {
        var outage = Declare(Now.AddSeconds(-20), OutageAudienceKind.Departments, ["Finanzas", "finanzas ", "Ventas"]);
        Assert.Equal(Now, outage.StartsAt);
        Assert.True(outage.IsDueAt(Now));
        Assert.Equal(["Finanzas", "Ventas"], outage.Departments);
    }

    [Fact]
    public void People_are_recorded_affected_once_and_only_with_an_incident_linked_to_its_major_incident()
    {
        var outage = In(OutageStatus.Active);
        var major = Incident();
        var someone = Incident();
        major.DeclareMajor(P1, Carmen, Now);
        Assert.Throws<DomainException>(() => outage.RecordAffected("aad-megan", someone, Now)); // no major incident yet

        outage.LinkMajorIncident(major);
        outage.LinkMajorIncident(major); // the same one again changes nothing
        Assert.Throws<DomainException>(() => outage.RecordAffected("aad-megan", someone, Now)); // not linked
        someone.LinkToMajorIncident(major, Carmen, Now);
        outage.RecordAffected("aad-megan", someone, Now);
        Assert.Equal("outage.alreadyAffected", Assert.Throws<DomainException>(() => outage.RecordAffected("aad-megan", someone, Now)).Code);
        Assert.Equal(someone.Id, outage.AffectedBy("aad-megan")!.TicketId);

        var other = Incident();
        other.DeclareMajor(P1, Carmen, Now);
        Assert.Equal("outage.majorLinked", Assert.Throws<DomainException>(() => outage.LinkMajorIncident(other)).Code);
        Assert.Equal("outage.notMajor", Assert.Throws<DomainException>(() => Declare().LinkMajorIncident(Incident())).Code);
    }

    public static TheoryData<OutageDeliveryState> Outcomes => new() { OutageDeliveryState.Sent, OutageDeliveryState.Failed, OutageDeliveryState.Unreachable };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void A_recipient_takes_one_outcome_and_only_while_pending(OutageDeliveryState outcome)
    {
        var recipient = new OutageRecipient(Guid.NewGuid(), "msteams|user|29:megan", "en-US", Now);
        Assert.Equal(OutageDeliveryState.Pending, recipient.State);
        Record(recipient, outcome);
        Assert.Equal(outcome, recipient.State);
        foreach (var again in Enum.GetValues<OutageDeliveryState>().Where(s => s != OutageDeliveryState.Pending))
            Assert.Throws<DomainException>(() => Record(recipient, again));
        Assert.Equal(outcome != OutageDeliveryState.Failed && outcome != OutageDeliveryState.Unreachable, recipient.CanBeEdited);
    }

    [Fact]
    public void Someone_known_unreachable_is_counted_without_being_sent_to()
    {
        var recipient = OutageRecipient.KnownUnreachable(Guid.NewGuid(), "msteams|user|29:jorge", "es-ES", "MessageWritesBlocked", Now);
        Assert.Equal(OutageDeliveryState.Unreachable, recipient.State);
        Assert.Equal("MessageWritesBlocked", recipient.Error);
        Assert.False(recipient.CanBeEdited);
    }

    private static void Record(OutageRecipient recipient, OutageDeliveryState outcome)
    {
        switch (outcome)
        {
            case OutageDeliveryState.Sent: recipient.RecordSent(Now); break;
            case OutageDeliveryState.Failed: recipient.RecordFailed("400", Now); break;
            default: recipient.RecordUnreachable("blocked", Now); break;
        }
    }

    private static Ticket Incident() => Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "Sin correo", "", new Requester("aad-megan", "Megan", "en-US"),
        Impact.High, Urgency.High, null, "email", "service-desk", SupportLevel.L1, P1, Now);
}
