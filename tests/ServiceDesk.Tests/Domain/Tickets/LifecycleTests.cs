using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Domain.Tickets.TicketFactory;

namespace ServiceDesk.Tests.Domain.Tickets;

public class LifecycleTests
{
    // The lifecycle of design.md §2, written out independently of TicketLifecycle's table.
    private static readonly Dictionary<(TicketStatus, TicketTransition), TicketStatus> Allowed = new()
    {
        [(TicketStatus.New, TicketTransition.Claim)] = TicketStatus.Assigned,
        [(TicketStatus.New, TicketTransition.Assign)] = TicketStatus.Assigned,
        [(TicketStatus.Assigned, TicketTransition.Assign)] = TicketStatus.Assigned,
        [(TicketStatus.InProgress, TicketTransition.Assign)] = TicketStatus.Assigned,
        [(TicketStatus.Assigned, TicketTransition.Start)] = TicketStatus.InProgress,
        [(TicketStatus.Assigned, TicketTransition.Hold)] = TicketStatus.Pending,
        [(TicketStatus.InProgress, TicketTransition.Hold)] = TicketStatus.Pending,
        [(TicketStatus.Pending, TicketTransition.Resume)] = TicketStatus.InProgress,
        [(TicketStatus.Assigned, TicketTransition.Resolve)] = TicketStatus.Resolved,
        [(TicketStatus.InProgress, TicketTransition.Resolve)] = TicketStatus.Resolved,
        [(TicketStatus.Resolved, TicketTransition.Reopen)] = TicketStatus.InProgress,
        [(TicketStatus.Resolved, TicketTransition.Close)] = TicketStatus.Closed,
        [(TicketStatus.New, TicketTransition.Cancel)] = TicketStatus.Cancelled,
        [(TicketStatus.Assigned, TicketTransition.Cancel)] = TicketStatus.Cancelled,
        [(TicketStatus.New, TicketTransition.Escalate)] = TicketStatus.New,
        [(TicketStatus.Assigned, TicketTransition.Escalate)] = TicketStatus.New,
        [(TicketStatus.InProgress, TicketTransition.Escalate)] = TicketStatus.New,
    };

    public static TheoryData<TicketStatus, TicketTransition> EveryPair()
    {
        var data = new TheoryData<TicketStatus, TicketTransition>();
        foreach (var s in Enum.GetValues<TicketStatus>())
            foreach (var t in Enum.GetValues<TicketTransition>())
                data.Add(s, t);
        return data;
    }

    private static void Apply(Ticket ticket, TicketTransition transition, DateTimeOffset at)
    {
        switch (transition)
        {
            case TicketTransition.Claim: ticket.Claim(Ana, at); break;
            case TicketTransition.Assign: ticket.AssignTo(Luis, Ana, at); break;
            case TicketTransition.Start: ticket.Start(Ana, at); break;
            case TicketTransition.Hold: ticket.PutOnHold("vendor", Ana, at); break;
            case TicketTransition.Resume: ticket.Resume(Ana, at); break;
            case TicketTransition.Resolve: ticket.Resolve(new Resolution(ResolutionCode.Fixed, "done", false, false), Ana, at); break;
            case TicketTransition.Reopen: ticket.Reopen("still broken", Employee.AsPerson(), at); break;
            case TicketTransition.Close: ticket.Close(Ana, at); break;
            case TicketTransition.Cancel: ticket.Cancel("not needed", Employee.AsPerson(), at); break;
            case TicketTransition.Escalate: ticket.Escalate(SupportLevel.L2, "network-l2", "needs network access", Ana, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(transition));
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_transition_from_every_status_is_allowed_or_refused_as_designed(TicketStatus from, TicketTransition transition)
    {
        var ticket = In(from);
        var versionBefore = ticket.Version;
        var at = T0.AddHours(2);

        if (Allowed.TryGetValue((from, transition), out var expected))
        {
            // Claim from New by Ana; for an owned ticket the matrix says refused anyway.
            Apply(ticket, transition, at);
            Assert.Equal(expected, ticket.Status);
            Assert.Equal(versionBefore + 1, ticket.Version);
            Assert.Equal(from, ticket.Events[^1].FromStatus);
            Assert.Equal(expected, ticket.Events[^1].ToStatus);
            Assert.True(TicketLifecycle.Allows(from, transition));
        }
        else
        {
            var error = Assert.ThrowsAny<ServiceDesk.Domain.DomainException>(() => Apply(ticket, transition, at));
            Assert.True(error is InvalidTransitionException or AlreadyClaimedException, error.GetType().Name);
            Assert.Equal(from, ticket.Status);
            Assert.Equal(versionBefore, ticket.Version);
            Assert.False(TicketLifecycle.Allows(from, transition) && error is InvalidTransitionException);
        }
    }

    [Fact]
    public void The_lifecycle_table_has_exactly_the_designed_transitions()
    {
        var actual = Enum.GetValues<TicketStatus>()
            .SelectMany(s => TicketLifecycle.AllowedFrom(s).Select(t => (s, t)))
            .ToHashSet();
        Assert.Equal(Allowed.Keys.ToHashSet(), actual);
    }

    [Fact]
    public void A_second_claim_by_someone_else_names_the_owner()
    {
        var ticket = In(TicketStatus.Assigned);
        var error = Assert.Throws<AlreadyClaimedException>(() => ticket.Claim(Luis, T0.AddHours(1)));
        Assert.Equal("Ana García", error.Owner.DisplayName);
        Assert.Contains("Ana García", error.Message);
    }

    [Fact]
    public void Escalation_clears_the_owner_and_records_from_to_reason_who_and_when()
    {
        var ticket = In(TicketStatus.InProgress);
        var at = T0.AddHours(3);
        ticket.Escalate(SupportLevel.L2, "network-l2", "switch port down", Ana, at);

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.Assignee);
        Assert.Equal(SupportLevel.L2, ticket.Level);
        Assert.Equal("network-l2", ticket.Group);
        var escalation = Assert.Single(ticket.Escalations);
        Assert.Equal(new Escalation(SupportLevel.L1, SupportLevel.L2, "network-l2", "switch port down", Ana, at), escalation);
        Assert.False(ticket.NeverLeftFirstLevel);
    }

    [Theory]
    [InlineData(SupportLevel.L1)]
    [InlineData(SupportLevel.L2)]
    public void Escalation_only_goes_up(SupportLevel target)
    {
        var ticket = In(TicketStatus.InProgress);
        ticket.Escalate(SupportLevel.L2, "l2", "why", Ana, T0.AddHours(1));
        Assert.Throws<ServiceDesk.Domain.DomainException>(() => ticket.Escalate(target, "x", "why", Ana, T0.AddHours(2)));
        Assert.Equal(SupportLevel.L2, ticket.Level);
    }

    [Fact]
    public void Reopen_goes_back_to_the_same_owner_and_is_recorded()
    {
        var ticket = In(TicketStatus.Resolved);
        ticket.Reopen("the screen is black again", Employee.AsPerson(), T0.AddHours(4));
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(Ana, ticket.Assignee);
        Assert.Equal(TicketEventType.Reopened, ticket.Events[^1].Type);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public void Closing_needs_a_category_and_resolution_notes()
    {
        var ticket = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "x", "", Employee, Impact.Low, Urgency.Low,
            null, null, "service-desk", SupportLevel.L1, Targets, T0);
        ticket.AssignNumber(7);
        ticket.Claim(Ana, T0.AddMinutes(1));
        ticket.Resolve(new Resolution(ResolutionCode.Fixed, "rebooted", false, false), Ana, T0.AddMinutes(2));
        var error = Assert.Throws<ServiceDesk.Domain.DomainException>(() => ticket.Close(Ana, T0.AddMinutes(3)));
        Assert.Equal("ticket.categoryRequired", error.Code);
        ticket.Categorize("hardware", null, Ana, T0.AddMinutes(4));
        ticket.Close(Ana, T0.AddMinutes(5));
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void A_resolution_without_notes_is_refused()
    {
        var ticket = In(TicketStatus.InProgress);
        Assert.Throws<ServiceDesk.Domain.DomainException>(() =>
            ticket.Resolve(new Resolution(ResolutionCode.Fixed, "  ", false, false), Ana, T0.AddHours(1)));
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void An_auditor_rejection_sends_the_ticket_back_to_work_with_the_reason()
    {
        var ticket = In(TicketStatus.Resolved);
        ticket.RejectClosure("notes do not say what was replaced", Luis, T0.AddHours(5));
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal("notes do not say what was replaced", ticket.Events[^1].Text);

        var other = In(TicketStatus.Resolved);
        other.ApproveClosure(Luis, T0.AddHours(5));
        Assert.Equal(TicketStatus.Closed, other.Status);
        Assert.Contains(other.Events, e => e.Type == TicketEventType.ClosureApproved);
    }

    [Fact]
    public void Pending_carries_its_reason()
    {
        var ticket = In(TicketStatus.Pending);
        Assert.Equal("waiting for the user", ticket.PendingReason);
        ticket.Resume(Ana, T0.AddHours(1));
        Assert.Null(ticket.PendingReason);
    }

    [Fact]
    public void Major_incident_is_P1_and_only_for_incidents()
    {
        var incident = In(TicketStatus.New);
        Assert.Equal(Priority.P3, incident.Priority);
        incident.DeclareMajor(Targets, Ana, T0.AddMinutes(1));
        Assert.True(incident.IsMajor);
        Assert.Equal(Priority.P1, incident.Priority);
        Assert.Throws<ServiceDesk.Domain.DomainException>(() => incident.DeclareMajor(Targets, Ana, T0.AddMinutes(2)));

        var request = New(TicketKind.ServiceRequest);
        Assert.Throws<ServiceDesk.Domain.DomainException>(() => request.DeclareMajor(Targets, Ana, T0.AddMinutes(1)));
    }

    [Fact]
    public void Nothing_changes_a_closed_or_cancelled_ticket()
    {
        foreach (var status in new[] { TicketStatus.Closed, TicketStatus.Cancelled })
        {
            var ticket = In(status);
            var version = ticket.Version;
            Assert.Throws<InvalidTransitionException>(() => ticket.AddInternalNote(Ana, "note", T0.AddDays(1)));
            Assert.Throws<InvalidTransitionException>(() => ticket.Categorize("network", null, Ana, T0.AddDays(1)));
            Assert.Equal(version, ticket.Version);
        }
    }

    [Fact]
    public void Each_sla_threshold_is_recorded_once_per_target()
    {
        var ticket = In(TicketStatus.Assigned);
        ticket.RecordSlaWarning(SlaTarget.Resolution, T0.AddHours(6));
        ticket.RecordSlaWarning(SlaTarget.Response, T0.AddHours(6));
        Assert.Throws<ServiceDesk.Domain.DomainException>(() => ticket.RecordSlaWarning(SlaTarget.Resolution, T0.AddHours(7)));
        Assert.True(ticket.HasSlaEvent(TicketEventType.SlaWarning, SlaTarget.Resolution));
        Assert.False(ticket.HasSlaEvent(TicketEventType.SlaBreached, SlaTarget.Resolution));
    }

    [Fact]
    public void First_response_is_the_first_claim_assignment_or_message_to_the_requester_not_an_internal_note()
    {
        var ticket = New();
        ticket.AddInternalNote(Ana, "looking", T0.AddMinutes(3));
        Assert.Null(ticket.FirstResponseAt);
        ticket.AskRequester(Ana, "¿Desde cuándo?", T0.AddMinutes(7));
        ticket.Claim(Ana, T0.AddMinutes(9));
        Assert.Equal(T0.AddMinutes(7), ticket.FirstResponseAt);
    }

    [Fact]
    public void The_event_log_is_ordered_with_actor_and_time_and_version_counts_events()
    {
        var ticket = In(TicketStatus.Resolved);
        Assert.Equal(Enumerable.Range(1, ticket.Events.Count), ticket.Events.Select(e => e.Sequence));
        Assert.Equal(ticket.Events.Count, ticket.Version);
        Assert.All(ticket.Events.Zip(ticket.Events.Skip(1)), p => Assert.True(p.First.At <= p.Second.At));
        Assert.Equal([TicketEventType.Created, TicketEventType.Claimed, TicketEventType.Resolved], ticket.Events.Select(e => e.Type));
        Assert.Equal(Employee.Key, ticket.Events[0].Actor.Key);
        Assert.Equal(Ana, ticket.Events[1].Actor);
    }
}
