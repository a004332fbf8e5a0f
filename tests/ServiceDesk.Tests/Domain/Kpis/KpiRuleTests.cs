using NodaTime;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Domain.Kpis.KpiDesk;

namespace ServiceDesk.Tests.Domain.Kpis;

public sealed class KpiRuleTests
{
    private static readonly KpiPeriod Jan13 = KpiPeriod.Day(new LocalDate(2025, 1, 13), Madrid);
    private static readonly KpiPeriod Jan14 = KpiPeriod.Day(new LocalDate(2025, 1, 14), Madrid);

    [Fact]
    public void Reopened_ticket_counts_once_where_last_resolved()
    {
        // Resolved Mon 10:00, reopened Mon 12:00, resolved again Tue 10:00.
        var ticket = Open("2025-01-13T09:00+01:00");
        ticket.Claim(Ana, At("2025-01-13T09:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-13T10:00+01:00"));
        ticket.Reopen("Still broken", Marta.AsPerson(), At("2025-01-13T12:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-14T10:00+01:00"));

        var monday = Compute(Jan13, ticket);
        var tuesday = Compute(Jan14, ticket);
        var both = Compute(KpiPeriod.Of(new LocalDate(2025, 1, 13), new LocalDate(2025, 1, 15), Madrid), ticket);

        Assert.Equal(0, monday.ResolvedCount);
        Assert.Equal(1, tuesday.ResolvedCount);
        Assert.Equal(1, both.ResolvedCount);
        // Mon 09:00 → Tue 10:00 = 25h, from the last resolution.
        Assert.Equal(TimeSpan.FromHours(25), tuesday.TimeToResolve.Overall.Mean);
    }

    [Fact]
    public void Reopened_ticket_still_being_worked_is_not_resolved_and_is_backlog()
    {
        var ticket = Open("2025-01-13T09:00+01:00");
        ticket.Claim(Ana, At("2025-01-13T09:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-13T10:00+01:00"));
        ticket.Reopen("Still broken", Marta.AsPerson(), At("2025-01-13T12:00+01:00"));

        var report = Compute(Jan13, ticket);

        Assert.Equal(0, report.ResolvedCount);
        Assert.Null(report.TimeToResolve.Overall.Mean);
        Assert.Equal(1, report.Backlog.Total);
    }

    [Fact]
    public void Closure_rejected_by_the_auditor_moves_the_final_resolution()
    {
        // Resolved Mon 10:00, auditor rejects Mon 11:00, resolved again Tue 09:00, closed Tue 10:00.
        var ticket = Open("2025-01-13T09:00+01:00");
        ticket.Claim(Ana, At("2025-01-13T09:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-13T10:00+01:00"));
        ticket.RejectClosure("Notes do not say what was done", Luis, At("2025-01-13T11:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-14T09:00+01:00"));
        ticket.Close(Ana, At("2025-01-14T10:00+01:00"));

        var tuesday = Compute(Jan14, ticket);

        Assert.Equal(0, Compute(Jan13, ticket).ResolvedCount);
        Assert.Equal(1, tuesday.ResolvedCount);
        // Handle: 09:00→10:00 (1h) + 11:00→Tue 09:00 (22h) = 23h; the hour in Resolved is not owned.
        Assert.Equal(TimeSpan.FromHours(23), tuesday.HandleTime.Mean);
        Assert.Equal(TimeSpan.FromHours(25), tuesday.TimeToClose.Overall.Mean);
    }

    [Fact]
    public void Handle_time_excludes_pending_and_the_queue_after_escalation()
    {
        // 09:00 created, New until 09:30 (queue before anyone owns it: not handled)
        // 09:30 claimed          Assigned   09:30→10:00  30m
        // 10:00 started          InProgress 10:00→11:00  60m
        // 11:00 on hold          Pending    11:00→13:00  excluded
        // 13:00 resumed          InProgress 13:00→14:00  60m
        // 14:00 escalated to L2  New        14:00→16:00  excluded (L2's queue)
        // 16:00 L2 claims        Assigned   16:00→16:15  15m
        // 16:15 started          InProgress 16:15→17:00  45m
        // 17:00 resolved → 30 + 60 + 60 + 15 + 45 = 210m = 3h30m.
        var ticket = Open("2025-01-13T09:00+01:00");
        ticket.Claim(Ana, At("2025-01-13T09:30+01:00"));
        ticket.Start(Ana, At("2025-01-13T10:00+01:00"));
        ticket.PutOnHold("Waiting for the user", Ana, At("2025-01-13T11:00+01:00"));
        ticket.Resume(Ana, At("2025-01-13T13:00+01:00"));
        ticket.Escalate(SupportLevel.L2, "network", "Switch port", Ana, At("2025-01-13T14:00+01:00"));
        ticket.Claim(Luis, At("2025-01-13T16:00+01:00"));
        ticket.Start(Luis, At("2025-01-13T16:15+01:00"));
        ticket.Resolve(Fixed, Luis, At("2025-01-13T17:00+01:00"));

        var report = Compute(Jan13, ticket);

        Assert.Equal(TimeSpan.FromMinutes(210), report.HandleTime.Mean);
        Assert.Equal(TimeSpan.FromMinutes(210), TicketHistory.Of(ticket).HandleTime);
    }

    [Fact]
    public void Handle_time_stops_at_final_resolution_and_skips_resolved_until_reopen()
    {
        // Claimed 09:00, resolved 10:00 (1h); Resolved 10:00→15:00 excluded; reopened 15:00,
        // resolved 15:45 (45m); closed a day later (closure waiting is not handled) → 1h45m.
        var ticket = Open("2025-01-13T09:00+01:00");
        ticket.Claim(Ana, At("2025-01-13T09:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-13T10:00+01:00"));
        ticket.Reopen("Still broken", Marta.AsPerson(), At("2025-01-13T15:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-13T15:45+01:00"));
        ticket.Close(Ana, At("2025-01-14T15:45+01:00"));

        Assert.Equal(TimeSpan.FromMinutes(105), Compute(Jan13, ticket).HandleTime.Mean);
    }

    [Fact]
    public void Backlog_reconstructs_status_and_level_at_a_past_period_end()
    {
        // Monday's end is Tue 00:00 local (Mon 23:00Z). Everything below happens later, but on Monday
        // night the ticket was InProgress at L1: it counts, at L1, although it is now closed at L2.
        var ticket = Open("2025-01-13T09:00+01:00");
        ticket.Claim(Ana, At("2025-01-13T09:00+01:00"));
        ticket.Start(Ana, At("2025-01-13T09:30+01:00"));
        ticket.Escalate(SupportLevel.L2, "network", "Switch port", Ana, At("2025-01-14T09:00+01:00"));
        ticket.Claim(Luis, At("2025-01-14T10:00+01:00"));
        ticket.Resolve(Fixed, Luis, At("2025-01-14T11:00+01:00"));
        ticket.Close(Luis, At("2025-01-14T12:00+01:00"));

        var history = TicketHistory.Of(ticket);
        Assert.Equal(TicketStatus.InProgress, history.StatusBefore(Jan13.EndsAt));
        Assert.Equal(SupportLevel.L1, history.LevelBefore(Jan13.EndsAt));
        Assert.Null(history.StatusBefore(At("2025-01-13T09:00+01:00"))); // did not exist yet

        var monday = Compute(Jan13, ticket);
        Assert.Equal(1, monday.Backlog.Total);
        Assert.Equal(1, monday.Backlog.ByLevel[SupportLevel.L1]);
        Assert.Equal(1, monday.Backlog.ByAge[BacklogAge.UnderOneDay]); // 15h old

        Assert.Equal(0, Compute(Jan14, ticket).Backlog.Total); // closed by Tuesday's end
    }

    [Fact]
    public void Events_at_exactly_the_period_end_belong_to_the_next_period()
    {
        var end = "2025-01-14T00:00+01:00"; // Jan13.EndsAt

        var resolvedAtEnd = Open("2025-01-13T09:00+01:00");
        resolvedAtEnd.Claim(Ana, At("2025-01-13T09:00+01:00"));
        resolvedAtEnd.Resolve(Fixed, Ana, At(end));
        var createdAtEnd = Open(end);

        var monday = Compute(Jan13, resolvedAtEnd, createdAtEnd);
        var tuesday = Compute(Jan14, resolvedAtEnd, createdAtEnd);

        Assert.Equal(0, monday.ResolvedCount);
        Assert.Equal(1, monday.Backlog.Total); // still Assigned on Monday night
        Assert.Equal(1, monday.Volume.Total);
        Assert.Equal(1, tuesday.ResolvedCount);
        Assert.Equal(1, tuesday.Volume.Total);
        Assert.Equal(1, tuesday.Backlog.Total); // createdAtEnd, still New
    }

    [Fact]
    public void Backlog_age_buckets_are_half_open_in_elapsed_days()
    {
        Assert.Equal(BacklogAge.UnderOneDay, Backlog.AgeOf(TimeSpan.Zero));
        Assert.Equal(BacklogAge.UnderOneDay, Backlog.AgeOf(TimeSpan.FromDays(1) - TimeSpan.FromTicks(1)));
        Assert.Equal(BacklogAge.OneToThreeDays, Backlog.AgeOf(TimeSpan.FromDays(1)));
        Assert.Equal(BacklogAge.ThreeToSevenDays, Backlog.AgeOf(TimeSpan.FromDays(3)));
        Assert.Equal(BacklogAge.SevenDaysOrMore, Backlog.AgeOf(TimeSpan.FromDays(7)));
        Assert.Equal(BacklogAge.SevenDaysOrMore, Backlog.AgeOf(TimeSpan.FromDays(400)));
    }

    [Fact]
    public void Resolved_at_first_level_excludes_tickets_opened_above_it()
    {
        // Opened straight at L2 and resolved there: never escalated, but never at L1 either.
        var atL2 = Open("2025-01-13T09:00+01:00", SupportLevel.L2);
        atL2.Claim(Luis, At("2025-01-13T09:00+01:00"));
        atL2.Resolve(Fixed, Luis, At("2025-01-13T10:00+01:00"));
        var atL1 = Open("2025-01-13T09:00+01:00");
        atL1.Claim(Ana, At("2025-01-13T09:00+01:00"));
        atL1.Resolve(Fixed, Ana, At("2025-01-13T11:00+01:00"));

        var report = Compute(Jan13, atL2, atL1);

        Assert.Equal(new Ratio(1, 2), report.ResolvedAtFirstLevel);
        Assert.Equal(TimeSpan.FromHours(1), report.TimeToResolve.ByLevel[SupportLevel.L2].Mean);
        Assert.Equal(TimeSpan.FromHours(2), report.TimeToResolve.ByLevel[SupportLevel.L1].Mean);
    }

    [Fact]
    public void Time_to_escalate_groups_by_the_first_escalations_target_and_period()
    {
        // A: L1→L3 directly after 45m, Monday. B: L1→L2 Monday 3h after creation, L2→L3 on Tuesday.
        var a = Open("2025-01-13T09:00+01:00");
        a.Escalate(SupportLevel.L3, "vendor", "Hardware warranty", Ana, At("2025-01-13T09:45+01:00"));
        var b = Open("2025-01-13T08:00+01:00");
        b.Escalate(SupportLevel.L2, "network", "VPN", Ana, At("2025-01-13T11:00+01:00"));
        b.Escalate(SupportLevel.L3, "vendor", "Firewall", Luis, At("2025-01-14T11:00+01:00"));

        var monday = Compute(Jan13, a, b);
        var tuesday = Compute(Jan14, a, b);

        Assert.Equal(TimeSpan.FromMinutes(45), monday.TimeToEscalate.ByLevel[SupportLevel.L3].Mean);
        Assert.Equal(TimeSpan.FromHours(3), monday.TimeToEscalate.ByLevel[SupportLevel.L2].Mean);
        // (45m + 180m) / 2 = 112m30s; median of two = the same mean.
        Assert.Equal(TimeSpan.FromSeconds(112.5 * 60), monday.TimeToEscalate.Overall.Mean);
        Assert.Equal(TimeSpan.FromSeconds(112.5 * 60), monday.TimeToEscalate.Overall.Median);
        Assert.Equal(0, tuesday.TimeToEscalate.Overall.Count);
    }

    [Fact]
    public void Sla_compliance_uses_the_final_resolution_against_the_due()
    {
        // First resolution 10:00 would meet a 12:00 due; the final one (Tue 10:00) does not.
        var ticket = Open("2025-01-13T09:00+01:00");
        ticket.Claim(Ana, At("2025-01-13T09:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-13T10:00+01:00"));
        ticket.Reopen("Still broken", Marta.AsPerson(), At("2025-01-13T11:00+01:00"));
        ticket.Resolve(Fixed, Ana, At("2025-01-14T10:00+01:00"));

        var report = KpiCalculator.Compute([ticket], [], Jan14, _ => At("2025-01-13T12:00+01:00"));

        Assert.Equal(new Ratio(0, 1), report.SlaCompliance.Met);
        Assert.Equal(0.0, report.SlaCompliance.Met.Share);
        Assert.Equal(0, report.SlaCompliance.WithoutDue);
    }

    [Fact]
    public void Sla_due_is_only_asked_for_tickets_resolved_in_the_period()
    {
        var resolved = Open("2025-01-13T09:00+01:00");
        resolved.Claim(Ana, At("2025-01-13T09:00+01:00"));
        resolved.Resolve(Fixed, Ana, At("2025-01-13T10:00+01:00"));
        var open = Open("2025-01-13T09:00+01:00");
        var asked = new List<Guid>();

        KpiCalculator.Compute([resolved, open], [], Jan13, t => { asked.Add(t.Id); return t.CreatedAt.AddDays(1); });

        Assert.Equal(new[] { resolved.Id }, asked);
    }

    [Fact]
    public void Satisfaction_without_answers_or_without_surveys()
    {
        var ticket = Open("2025-01-13T09:00+01:00");
        var unanswered = Survey(ticket, "2025-01-13T12:00+01:00");

        var someSent = KpiCalculator.Compute([], [unanswered], Jan13, NoDue);
        var noneSent = KpiCalculator.Compute([], [unanswered], Jan14, NoDue);

        Assert.Null(someSent.Satisfaction.MeanRating);
        Assert.Equal(0, someSent.Satisfaction.Answered);
        Assert.Equal(0.0, someSent.Satisfaction.ResponseRate.Share); // 0 of 1, a real zero
        Assert.Null(noneSent.Satisfaction.ResponseRate.Share); // 0 of 0, no rate
    }

    [Fact]
    public void Empty_period_gives_nulls_and_zeros()
    {
        var report = KpiCalculator.Compute([], [], KpiPeriod.IsoWeekContaining(new LocalDate(2025, 1, 15), Madrid), NoDue);

        Assert.Equal(0, report.ResolvedCount);
        Assert.Null(report.ResolvedAtFirstLevel.Share);
        Assert.Equal(DurationStats.Empty, report.TimeToResolve.Overall);
        Assert.All(report.TimeToResolve.ByLevel.Values, s => Assert.Null(s.Mean));
        Assert.Null(report.TimeToClose.Overall.Median);
        Assert.Null(report.HandleTime.Mean);
        Assert.Null(report.TimeToEscalate.Overall.Mean);
        Assert.Null(report.SlaCompliance.Met.Share);
        Assert.Equal(0, report.Backlog.Total);
        Assert.All(report.Backlog.ByAge.Values, n => Assert.Equal(0, n));
        Assert.Equal(3, report.Backlog.ByLevel.Count);
        Assert.Equal(0, report.Volume.Total);
        Assert.Equal(7, report.Volume.ByDate.Count);
        Assert.All(report.Volume.ByDate.Values, n => Assert.Equal(0, n));
        Assert.Null(report.Satisfaction.MeanRating);
        Assert.Null(report.Satisfaction.ResponseRate.Share);
    }

    [Fact]
    public void Medians_of_odd_and_even_counts()
    {
        static TimeSpan h(int hours) => TimeSpan.FromHours(hours);
        Assert.Equal(h(3), DurationStats.Of([h(5), h(1), h(3)]).Median);
        // Even: mean of the two middle values, (2 + 3) / 2 = 2h30m, not either of them.
        Assert.Equal(TimeSpan.FromMinutes(150), DurationStats.Of([h(4), h(1), h(3), h(2)]).Median);
        Assert.Equal(TimeSpan.FromMinutes(150), DurationStats.Of([h(4), h(1), h(3), h(2)]).Mean);
        Assert.Equal(h(7), DurationStats.Of([h(7)]).Median);
        Assert.Equal(DurationStats.Empty, DurationStats.Of([]));
    }
}
