using NodaTime;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Domain.Kpis.KpiDesk;

namespace ServiceDesk.Tests.Domain.Kpis;

// One realistic week of the Madrid desk (winter, UTC+1): ISO week Mon 2025-01-13 .. Mon 2025-01-20,
// i.e. [2025-01-12T23:00Z, 2025-01-19T23:00Z). Every expected number is worked out by hand below.
public sealed class KpiWeekReportTests
{
    private static readonly KpiPeriod Week = KpiPeriod.IsoWeekContaining(new LocalDate(2025, 1, 15), Madrid);

    private static readonly Ticket T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12;
    private static readonly Survey[] Surveys;
    private static readonly KpiReport Report;

    static KpiWeekReportTests()
    {
        // T1  L1, quick fix. resolve 09:00→10:00 = 1h; close Mon 09:00→Tue 10:00 = 25h;
        //     handle 09:10→10:00 = 50m.
        T1 = Open("2025-01-13T09:00+01:00");
        T1.Claim(Ana, At("2025-01-13T09:10+01:00"));
        T1.Start(Ana, At("2025-01-13T09:20+01:00"));
        T1.Resolve(Fixed, Ana, At("2025-01-13T10:00+01:00"));
        T1.Close(Ana, At("2025-01-14T10:00+01:00"));

        // T2  L1, waits for the user. resolve 09:30→15:00 = 5h30m; not closed;
        //     handle 11:30→12:00 (30m) + 14:00→15:00 (60m) = 90m, the 2h in Pending excluded.
        T2 = Open("2025-01-13T09:30+01:00");
        T2.Claim(Ana, At("2025-01-13T11:30+01:00"));
        T2.Start(Ana, At("2025-01-13T11:30+01:00"));
        T2.PutOnHold("Waiting for the user", Ana, At("2025-01-13T12:00+01:00"));
        T2.Resume(Ana, At("2025-01-13T14:00+01:00"));
        T2.Resolve(Fixed, Ana, At("2025-01-13T15:00+01:00"));

        // T3  escalated L1→L2 after 2h. resolve Tue 08:00→Wed 09:00 = 25h; close →Wed 12:00 = 28h;
        //     handle 08:15→10:00 (1h45m) + 13:00→Wed 09:00 (20h) = 21h45m; the 3h in L2's queue excluded.
        T3 = Open("2025-01-14T08:00+01:00");
        T3.Claim(Ana, At("2025-01-14T08:15+01:00"));
        T3.Start(Ana, At("2025-01-14T08:30+01:00"));
        T3.Escalate(SupportLevel.L2, "network", "Switch port", Ana, At("2025-01-14T10:00+01:00"));
        T3.Claim(Luis, At("2025-01-14T13:00+01:00"));
        T3.Start(Luis, At("2025-01-14T13:00+01:00"));
        T3.Resolve(Fixed, Luis, At("2025-01-15T09:00+01:00"));
        T3.Close(Luis, At("2025-01-15T12:00+01:00"));

        // T4  L1→L2 after 1h, then L2→L3 (not its first escalation). resolve Tue 10:00→Thu 17:00 = 55h;
        //     handle 10:05→11:00 (55m) + 12:00→Wed 10:00 (22h) + Thu 09:00→17:00 (8h) = 30h55m.
        T4 = Open("2025-01-14T10:00+01:00");
        T4.Claim(Ana, At("2025-01-14T10:05+01:00"));
        T4.Escalate(SupportLevel.L2, "network", "Router", Ana, At("2025-01-14T11:00+01:00"));
        T4.Claim(Luis, At("2025-01-14T12:00+01:00"));
        T4.Start(Luis, At("2025-01-14T12:00+01:00"));
        T4.Escalate(SupportLevel.L3, "vendor", "Firmware bug", Luis, At("2025-01-15T10:00+01:00"));
        T4.Claim(Vendor, At("2025-01-16T09:00+01:00"));
        T4.Start(Vendor, At("2025-01-16T09:00+01:00"));
        T4.Resolve(Fixed, Vendor, At("2025-01-16T17:00+01:00"));

        // T5  L1, resolved, reopened, re-resolved: counts once, at Thu 11:00.
        //     resolve Wed 09:00→Thu 11:00 = 26h; close →Fri 09:00 = 48h;
        //     handle 09:00→10:00 (1h) + 16:00→Thu 11:00 (19h) = 20h; Resolved 10:00→16:00 excluded.
        T5 = Open("2025-01-15T09:00+01:00");
        T5.Claim(Ana, At("2025-01-15T09:00+01:00"));
        T5.Start(Ana, At("2025-01-15T09:00+01:00"));
        T5.Resolve(Fixed, Ana, At("2025-01-15T10:00+01:00"));
        T5.Reopen("Still broken", Marta.AsPerson(), At("2025-01-15T16:00+01:00"));
        T5.Resolve(Fixed, Ana, At("2025-01-16T11:00+01:00"));
        T5.Close(Ana, At("2025-01-17T09:00+01:00"));

        // T6  cancelled: volume only.
        T6 = Open("2025-01-15T22:30+01:00");
        T6.Cancel("Works again", Marta.AsPerson(), At("2025-01-16T08:00+01:00"));

        // T7  Pending at the end, L1; age Fri 16:00→Mon 00:00 = 56h → [1,3).
        T7 = Open("2025-01-17T16:00+01:00");
        T7.Claim(Ana, At("2025-01-17T16:30+01:00"));
        T7.PutOnHold("Waiting for a spare part", Ana, At("2025-01-17T17:00+01:00"));

        // T8  from the week before, escalated then and never claimed: New at L2;
        //     age Jan 6 10:00→Jan 20 00:00 = 13d14h → [7,∞). Its escalation is not in this week.
        T8 = Open("2025-01-06T10:00+01:00");
        T8.Escalate(SupportLevel.L2, "network", "VPN", Ana, At("2025-01-07T10:00+01:00"));

        // T9  in progress at the end, resolved after it: backlog, L1; age Thu 10:00→Mon 00:00 = 3d14h → [3,7).
        T9 = Open("2025-01-16T10:00+01:00");
        T9.Claim(Ana, At("2025-01-16T10:00+01:00"));
        T9.Start(Ana, At("2025-01-16T10:00+01:00"));
        T9.Resolve(Fixed, Ana, At("2025-01-20T09:00+01:00"));

        // T10 late Sunday (22:30Z, still the 19th locally): New, L1, age 30m → [0,1).
        T10 = Open("2025-01-19T23:30+01:00");

        // T11 after the week: ignored.
        T11 = Open("2025-01-20T08:00+01:00");

        // T12 resolved the week before, closed this week: time to close Fri 09:00→Mon 09:00 = 72h, L1.
        T12 = Open("2025-01-10T09:00+01:00");
        T12.Claim(Ana, At("2025-01-10T09:00+01:00"));
        T12.Resolve(Fixed, Ana, At("2025-01-10T11:00+01:00"));
        T12.Close(Ana, At("2025-01-13T09:00+01:00"));

        Surveys =
        [
            Survey(T1, "2025-01-13T10:00+01:00", 5, "2025-01-13T12:00+01:00"),
            Survey(T2, "2025-01-13T15:00+01:00", 3, "2025-01-14T09:00+01:00"),
            Survey(T3, "2025-01-15T09:00+01:00"),
            Survey(T5, "2025-01-16T11:00+01:00", 1, "2025-01-20T10:00+01:00"), // answered after the week
            Survey(T12, "2025-01-10T11:00+01:00", 4, "2025-01-13T08:00+01:00"), // sent the week before
        ];

        // T1 met (17:00), T2 missed (14:00 < 15:00), T3 met exactly at its due, T4 missed, T5 due unknown.
        var dues = new Dictionary<Guid, DateTimeOffset>
        {
            [T1.Id] = At("2025-01-13T17:00+01:00"),
            [T2.Id] = At("2025-01-13T14:00+01:00"),
            [T3.Id] = At("2025-01-15T09:00+01:00"),
            [T4.Id] = At("2025-01-15T18:00+01:00"),
        };

        Report = KpiCalculator.Compute(
            [T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12], Surveys, Week,
            t => dues.TryGetValue(t.Id, out var due) ? due : null);
    }

    [Fact]
    public void Week_is_the_iso_week_in_local_time()
    {
        Assert.Equal(new LocalDate(2025, 1, 13), Week.Start);
        Assert.Equal(new LocalDate(2025, 1, 20), Week.End);
        Assert.Equal(Instant.FromUtc(2025, 1, 12, 23, 0), Week.StartInstant);
        Assert.Equal(Instant.FromUtc(2025, 1, 19, 23, 0), Week.EndInstant);
    }

    [Fact]
    public void Resolved_at_first_level_share()
    {
        // Finally resolved this week: T1 T2 T3 T4 T5 (T9 after the end, T12 the week before).
        // Never left L1: T1 T2 T5 → 3/5.
        Assert.Equal(5, Report.ResolvedCount);
        Assert.Equal(new Ratio(3, 5), Report.ResolvedAtFirstLevel);
        Assert.Equal(0.6, Report.ResolvedAtFirstLevel.Share!.Value, 10);
    }

    [Fact]
    public void Time_to_resolve_mean_and_median_overall_and_by_level()
    {
        // 1h, 5h30, 25h, 26h, 55h: mean 112.5h / 5 = 22h30m; median 25h.
        var overall = Report.TimeToResolve.Overall;
        Assert.Equal(5, overall.Count);
        Assert.Equal(TimeSpan.FromHours(22.5), overall.Mean);
        Assert.Equal(TimeSpan.FromHours(25), overall.Median);

        // L1 (T1 T2 T5): 1h, 5h30, 26h → mean 32.5h / 3 = 10h50m, median 5h30m.
        var l1 = Report.TimeToResolve.ByLevel[SupportLevel.L1];
        Assert.Equal(3, l1.Count);
        Assert.Equal(new TimeSpan(10, 50, 0), l1.Mean);
        Assert.Equal(TimeSpan.FromHours(5.5), l1.Median);

        // T3 was resolved by L2, T4 by L3: level at final resolution, not at creation.
        Assert.Equal(TimeSpan.FromHours(25), Report.TimeToResolve.ByLevel[SupportLevel.L2].Mean);
        Assert.Equal(TimeSpan.FromHours(55), Report.TimeToResolve.ByLevel[SupportLevel.L3].Median);
    }

    [Fact]
    public void Time_to_close_counts_tickets_closed_in_the_period_with_even_median()
    {
        // Closed this week: T1 25h (L1), T3 28h (L2), T5 48h (L1), T12 72h (L1, resolved last week).
        // Mean 173h / 4 = 43h15m; median of 25 28 48 72 = (28 + 48) / 2 = 38h.
        var overall = Report.TimeToClose.Overall;
        Assert.Equal(4, overall.Count);
        Assert.Equal(new TimeSpan(43, 15, 0), overall.Mean);
        Assert.Equal(TimeSpan.FromHours(38), overall.Median);

        // L1: 25 48 72 → mean 145h / 3 = 48h20m, median 48h. L3: T4 is resolved but not closed.
        Assert.Equal(new TimeSpan(48, 20, 0), Report.TimeToClose.ByLevel[SupportLevel.L1].Mean);
        Assert.Equal(TimeSpan.FromHours(48), Report.TimeToClose.ByLevel[SupportLevel.L1].Median);
        Assert.Equal(TimeSpan.FromHours(28), Report.TimeToClose.ByLevel[SupportLevel.L2].Mean);
        Assert.Equal(DurationStats.Empty, Report.TimeToClose.ByLevel[SupportLevel.L3]);
    }

    [Fact]
    public void Volume_by_local_date_and_weekday_hour_includes_cancelled()
    {
        // Created this week: T1 T2 (Mon) T3 T4 (Tue) T5 T6 (Wed, T6 cancelled) T9 (Thu) T7 (Fri) T10 (Sun) = 9.
        Assert.Equal(9, Report.Volume.Total);
        Assert.Equal(
            new[] { 2, 2, 2, 1, 1, 0, 1 },
            Report.Volume.ByDate.OrderBy(d => d.Key).Select(d => d.Value));
        Assert.Equal(7, Report.Volume.ByDate.Count);

        Assert.Equal(2, Report.Volume.At(IsoDayOfWeek.Monday, 9)); // T1 09:00, T2 09:30
        Assert.Equal(1, Report.Volume.At(IsoDayOfWeek.Wednesday, 22)); // T6, cancelled
        Assert.Equal(1, Report.Volume.At(IsoDayOfWeek.Sunday, 23)); // T10, 22:30Z
        Assert.Equal(0, Report.Volume.At(IsoDayOfWeek.Monday, 8)); // T11 is next Monday
        Assert.Equal(9, Report.Volume.ByWeekdayHour.Values.Sum());
    }

    [Fact]
    public void Handle_time_mean_over_tickets_resolved_in_the_period()
    {
        // 50m + 90m + 21h45m + 30h55m + 20h = 50 + 90 + 1305 + 1855 + 1200 = 4500 min; / 5 = 900 min = 15h.
        // Median of 50m, 90m, 20h, 21h45m, 30h55m = 20h.
        Assert.Equal(5, Report.HandleTime.Count);
        Assert.Equal(TimeSpan.FromHours(15), Report.HandleTime.Mean);
        Assert.Equal(TimeSpan.FromHours(20), Report.HandleTime.Median);
    }

    [Fact]
    public void Time_to_escalate_by_first_escalations_target_level()
    {
        // First escalated this week: T3 after 2h and T4 after 1h, both to L2 → mean 1h30m.
        // T4's later L2→L3 is not a first escalation; T8's was the week before.
        Assert.Equal(2, Report.TimeToEscalate.Overall.Count);
        Assert.Equal(TimeSpan.FromMinutes(90), Report.TimeToEscalate.Overall.Mean);
        Assert.Equal(TimeSpan.FromMinutes(90), Report.TimeToEscalate.ByLevel[SupportLevel.L2].Mean);
        Assert.Equal(0, Report.TimeToEscalate.ByLevel[SupportLevel.L3].Count);
        Assert.Null(Report.TimeToEscalate.ByLevel[SupportLevel.L3].Mean);
    }

    [Fact]
    public void Sla_compliance_counts_resolution_at_the_due_instant_as_met()
    {
        // Met: T1, T3 (exactly at due). Missed: T2, T4. T5 has no due: left out and counted apart.
        Assert.Equal(new Ratio(2, 4), Report.SlaCompliance.Met);
        Assert.Equal(1, Report.SlaCompliance.WithoutDue);
        Assert.Equal(0.5, Report.SlaCompliance.Met.Share!.Value, 10);
    }

    [Fact]
    public void Backlog_at_period_end_by_level_and_age()
    {
        // Open at Sun 19 23:00Z: T7 Pending L1 [1,3), T8 New L2 [7,∞), T9 InProgress L1 [3,7), T10 New L1 [0,1).
        // Not backlog: T2 and T4 (Resolved, awaiting closure), closed T1 T3 T5 T12, cancelled T6, T11 not yet created.
        Assert.Equal(4, Report.Backlog.Total);
        Assert.Equal(3, Report.Backlog.ByLevel[SupportLevel.L1]);
        Assert.Equal(1, Report.Backlog.ByLevel[SupportLevel.L2]);
        Assert.Equal(0, Report.Backlog.ByLevel[SupportLevel.L3]);
        Assert.All(Enum.GetValues<BacklogAge>(), age => Assert.Equal(1, Report.Backlog.ByAge[age]));
    }

    [Fact]
    public void Satisfaction_mean_of_answers_in_period_and_response_rate_of_surveys_sent_in_it()
    {
        // Answered this week: T1 5, T2 3, T12 4 (sent last week) → mean 12 / 3 = 4.0.
        // Sent this week: T1 T2 T3 T5 → answered T1 T2 T5 (T5 after the week) → 3/4.
        Assert.Equal(3, Report.Satisfaction.Answered);
        Assert.Equal(4.0, Report.Satisfaction.MeanRating!.Value, 10);
        Assert.Equal(new Ratio(3, 4), Report.Satisfaction.ResponseRate);
        Assert.Equal(0.75, Report.Satisfaction.ResponseRate.Share!.Value, 10);
    }
}
