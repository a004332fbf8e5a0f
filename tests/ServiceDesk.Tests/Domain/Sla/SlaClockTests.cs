using NodaTime;
using ServiceDesk.Domain.Sla;
using static ServiceDesk.Tests.Domain.Sla.SlaTestCalendars;

namespace ServiceDesk.Tests.Domain.Sla;

// Office calendar (Madrid, Mon–Fri 08:00–18:00); response 2h, resolution 8h, so the resolution
// warning is at 6h used and the response warning at 1:30. Tue 10 Feb 2026 is a plain Tuesday.
public class SlaClockTests
{
    private static readonly SlaTargets Targets = new(Duration.FromHours(2), Duration.FromHours(8), "office");

    private sealed record Pause(string Start, string? End, string Reason = "Pending");

    private sealed record Case(
        string Created, Pause[] Pauses, string? Resolved, string Now,
        string Used, string Due, SlaPhase Phase, bool Warning, bool Paused, string? WarningAt, string? BreachAt);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // 09:00→11:00 = 2h; due 09:00+8h = 17:00; warning at 09:00+6h = 15:00
        ["on track"] = new("2026-02-10 09:00", [], null, "2026-02-10 11:00",
            "2:00", "2026-02-10 17:00", SlaPhase.OnTrack, false, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // 5:59 < 6h
        ["a minute short of 75 %"] = new("2026-02-10 09:00", [], null, "2026-02-10 14:59",
            "5:59", "2026-02-10 17:00", SlaPhase.OnTrack, false, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // 6h = 75 % of 8h
        ["warning at exactly 75 %"] = new("2026-02-10 09:00", [], null, "2026-02-10 15:00",
            "6:00", "2026-02-10 17:00", SlaPhase.Warning, true, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // 8h used: breached the moment the target is reached
        ["breached at the due instant"] = new("2026-02-10 09:00", [], null, "2026-02-10 17:00",
            "8:00", "2026-02-10 17:00", SlaPhase.Breached, true, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // Tue 9h + Wed 08–10 2h = 11h; due stays at the breach
        ["stays breached"] = new("2026-02-10 09:00", [], null, "2026-02-11 10:00",
            "11:00", "2026-02-10 17:00", SlaPhase.Breached, true, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // Starts Mon 08:00: 1h used; due 08:00+8h = 16:00; warning 14:00
        ["created on Saturday"] = new("2026-02-14 10:00", [], null, "2026-02-16 09:00",
            "1:00", "2026-02-16 16:00", SlaPhase.OnTrack, false, false, "2026-02-16 14:00", "2026-02-16 16:00"),
        // Starts Tue 08:00
        ["created at 03:00"] = new("2026-02-10 03:00", [], null, "2026-02-10 09:00",
            "1:00", "2026-02-10 16:00", SlaPhase.OnTrack, false, false, "2026-02-10 14:00", "2026-02-10 16:00"),
        // Starts Wed 08:00
        ["created at 19:00"] = new("2026-02-10 19:00", [], null, "2026-02-11 08:30",
            "0:30", "2026-02-11 16:00", SlaPhase.OnTrack, false, false, "2026-02-11 14:00", "2026-02-11 16:00"),
        // Fri 1h + Mon 08–10 2h = 3h; due: Fri 1h + Mon 7h = Mon 15:00; warning: Fri 1h + Mon 5h = 13:00
        ["created Friday 17:00"] = new("2026-02-13 17:00", [], null, "2026-02-16 10:00",
            "3:00", "2026-02-16 15:00", SlaPhase.OnTrack, false, false, "2026-02-16 13:00", "2026-02-16 15:00"),
        // 09–10 + 12–14 = 3h; 5h left from 14:00: 4h Tue + 1h Wed → Wed 09:00 (= 17:00 pushed by the 2h paused)
        ["a pending pause pushes the due"] = new("2026-02-10 09:00", [new("2026-02-10 10:00", "2026-02-10 12:00")], null, "2026-02-10 14:00",
            "3:00", "2026-02-11 09:00", SlaPhase.OnTrack, false, false, "2026-02-10 17:00", "2026-02-11 09:00"),
        // Fri 09–12 3h + Mon 10–12 2h = 5h; 3h left from Mon 12:00 → 15:00; warning 1h left → 13:00
        ["a pause spanning a weekend"] = new("2026-02-13 09:00", [new("2026-02-13 12:00", "2026-02-16 10:00")], null, "2026-02-16 12:00",
            "5:00", "2026-02-16 15:00", SlaPhase.OnTrack, false, false, "2026-02-16 13:00", "2026-02-16 15:00"),
        // The pause is outside working hours, so it pushes nothing: Fri 14–18 4h + Mon 08–09 1h;
        // due Fri 4h + Mon 4h = Mon 12:00
        ["a pause outside working hours costs nothing"] = new("2026-02-13 14:00", [new("2026-02-13 18:30", "2026-02-16 07:00")], null, "2026-02-16 09:00",
            "5:00", "2026-02-16 12:00", SlaPhase.OnTrack, false, false, "2026-02-16 10:00", "2026-02-16 12:00"),
        // 09–11 = 2h, paused since; due as of now: 6h from 15:00 = Tue 3h + Wed 3h → Wed 11:00;
        // no projection while paused
        ["an open pause at now"] = new("2026-02-10 09:00", [new("2026-02-10 11:00", null)], null, "2026-02-10 15:00",
            "2:00", "2026-02-11 11:00", SlaPhase.Paused, false, true, null, null),
        // 09–16 = 7h (warning reached at 15:00), paused since 16:00; 1h left from Wed 09:00 → 10:00
        ["paused in warning"] = new("2026-02-10 09:00", [new("2026-02-10 16:00", null)], null, "2026-02-11 09:00",
            "7:00", "2026-02-11 10:00", SlaPhase.Paused, true, true, "2026-02-10 15:00", null),
        // Breached Tue 17:00; Tue 09–18 9h + Wed 08–09 1h = 10h; the later pause does not move the due
        ["a pause after the breach does not move the due"] = new("2026-02-10 09:00", [new("2026-02-11 09:00", null)], null, "2026-02-11 12:00",
            "10:00", "2026-02-10 17:00", SlaPhase.Breached, true, true, "2026-02-10 15:00", "2026-02-10 17:00"),
        // Pending exactly as the target is reached: 8h used, breached
        ["a pause starting at the breach instant"] = new("2026-02-10 09:00", [new("2026-02-10 17:00", null)], null, "2026-02-11 12:00",
            "8:00", "2026-02-10 17:00", SlaPhase.Breached, true, true, "2026-02-10 15:00", "2026-02-10 17:00"),
        // Paused Wed 09–11: Tue 09–18 9h + Wed 08–09 1h + Wed 11–12 1h = 11h
        ["a finished pause after the breach"] = new("2026-02-10 09:00", [new("2026-02-11 09:00", "2026-02-11 11:00")], null, "2026-02-11 12:00",
            "11:00", "2026-02-10 17:00", SlaPhase.Breached, true, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // 09–16 = 7h ≤ 8h; no warning once resolved; the count stops at the resolution
        ["met"] = new("2026-02-10 09:00", [], "2026-02-10 16:00", "2026-02-12 10:00",
            "7:00", "2026-02-10 17:00", SlaPhase.Met, false, false, "2026-02-10 15:00", null),
        // Resolution ≤ due is compliant (design.md), also at the due instant itself
        ["resolved exactly at the due"] = new("2026-02-10 09:00", [], "2026-02-10 17:00", "2026-02-12 10:00",
            "8:00", "2026-02-10 17:00", SlaPhase.Met, false, false, "2026-02-10 15:00", null),
        // Tue 9h + Wed 08–10 2h = 11h
        ["resolved late"] = new("2026-02-10 09:00", [], "2026-02-11 10:00", "2026-02-11 11:00",
            "11:00", "2026-02-10 17:00", SlaPhase.Breached, false, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // Resolved Tue 12:00, reopened Wed 10:00: 09–12 3h + Wed 10–12 2h = 5h; due 17:00 pushed by
        // the paused Tue 12–18 6h + Wed 08–10 2h → Wed 15:00; warning 1h left → Wed 13:00
        ["a resolution and its reopen pause the clock"] = new("2026-02-10 09:00", [new("2026-02-10 12:00", "2026-02-11 10:00", "Resolved")], null, "2026-02-11 12:00",
            "5:00", "2026-02-11 15:00", SlaPhase.OnTrack, false, false, "2026-02-11 13:00", "2026-02-11 15:00"),
        // …and resolved again Wed 14:00: 3h + 4h = 7h, due Wed 15:00, met
        ["reopened and resolved again"] = new("2026-02-10 09:00", [new("2026-02-10 12:00", "2026-02-11 10:00", "Resolved")], "2026-02-11 14:00", "2026-02-12 10:00",
            "7:00", "2026-02-11 15:00", SlaPhase.Met, false, false, "2026-02-11 13:00", null),
        // Another instance's clock a minute behind: nothing elapsed
        ["now before creation"] = new("2026-02-10 09:00", [], null, "2026-02-10 08:59",
            "0:00", "2026-02-10 17:00", SlaPhase.OnTrack, false, false, "2026-02-10 15:00", "2026-02-10 17:00"),
        // Fri 17:00 CET → Mon 10:00 CEST: 1h + 2h = 3h; due Fri 1h + Mon 7h = Mon 15:00 CEST; warning Mon 13:00
        ["over the spring change"] = new("2026-03-27 17:00", [], null, "2026-03-30 10:00",
            "3:00", "2026-03-30 15:00", SlaPhase.OnTrack, false, false, "2026-03-30 13:00", "2026-03-30 15:00"),
        // Fri 16–17 CEST 1h, pending until Mon 09:00 CET, Mon 09–11 2h = 3h; 5h left from 11:00 → Mon 16:00 CET
        ["pending over the autumn change"] = new("2026-10-23 16:00", [new("2026-10-23 17:00", "2026-10-26 09:00")], null, "2026-10-26 11:00",
            "3:00", "2026-10-26 16:00", SlaPhase.OnTrack, false, false, "2026-10-26 14:00", "2026-10-26 16:00"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Resolution_clock(string name)
    {
        var c = Cases[name];
        var timeline = new SlaTimeline(
            Local(c.Created),
            firstResponse: null,
            c.Pauses.Select(p => new SlaPause(Local(p.Start), p.End is null ? null : Local(p.End), p.Reason)).ToArray(),
            c.Resolved is null ? null : Local(c.Resolved));

        var state = SlaClock.Evaluate(timeline, Targets, Office, Local(c.Now));

        Assert.Equal(Hours(c.Used), state.UsedBusinessTime);
        var remaining = Duration.FromHours(8) - Hours(c.Used);
        Assert.Equal(remaining > Duration.Zero ? remaining : Duration.Zero, state.RemainingBusinessTime);
        Assert.Equal(Local(c.Due), state.ResolutionDue);
        Assert.Equal(c.Phase, state.Phase);
        Assert.Equal(c.Phase == SlaPhase.Breached, state.Breached);
        Assert.Equal(c.Warning, state.Warning);
        Assert.Equal(c.Paused, state.IsPaused);
        Assert.Equal(c.Paused ? c.Pauses[^1].Reason : null, state.PauseReason);
        Assert.Equal(c.WarningAt is null ? null : Local(c.WarningAt), state.WarningAt);
        Assert.Equal(c.BreachAt is null ? null : Local(c.BreachAt), state.BreachAt);
    }

    public static TheoryData<string, string?, string, bool, bool, bool> ResponseCases() => new()
    {
        // created, first response, now, met, warning, breached. Created Tue 09:00: response due
        // 09:00 + 2h = 11:00, warning at 09:00 + 1:30 = 10:30.
        { "2026-02-10 09:00", "2026-02-10 10:30", "2026-02-10 12:00", true, false, false },
        { "2026-02-10 09:00", "2026-02-10 11:00", "2026-02-10 12:00", true, false, false },  // at the due: met
        { "2026-02-10 09:00", "2026-02-10 11:30", "2026-02-10 12:00", false, false, true }, // late
        { "2026-02-10 09:00", null, "2026-02-10 10:29", false, false, false },
        { "2026-02-10 09:00", null, "2026-02-10 10:30", false, true, false },               // 75 % of 2h
        { "2026-02-10 09:00", null, "2026-02-10 11:00", false, true, true },                // unanswered at the due
        // Fri 17:00: due Fri 1h + Mon 1h = Mon 09:00, warning Fri 1h + Mon 0:30 = Mon 08:30
        { "2026-02-13 17:00", null, "2026-02-16 08:45", false, true, false },
        { "2026-02-13 17:00", "2026-02-16 09:00", "2026-02-16 12:00", true, false, false },
    };

    [Theory]
    [MemberData(nameof(ResponseCases))]
    public void Response_clock(string created, string? firstResponse, string now, bool met, bool warning, bool breached)
    {
        var timeline = new SlaTimeline(Local(created), firstResponse is null ? null : Local(firstResponse), [], null);
        var state = SlaClock.Evaluate(timeline, Targets, Office, Local(now));
        Assert.Equal(met, state.ResponseMet);
        Assert.Equal(warning, state.ResponseWarning);
        Assert.Equal(breached, state.ResponseBreached);
    }

    [Fact]
    public void The_response_clock_never_pauses()
    {
        // Pending 09:15–12:00 does not move the response due of 11:00.
        var timeline = new SlaTimeline(Local("2026-02-10 09:00"), null, [new SlaPause(Local("2026-02-10 09:15"), Local("2026-02-10 12:00"), "Pending")], null);
        var state = SlaClock.Evaluate(timeline, Targets, Office, Local("2026-02-10 11:00"));
        Assert.Equal(Local("2026-02-10 11:00"), state.ResponseDue);
        Assert.Equal(Local("2026-02-10 10:30"), state.ResponseWarningAt);
        Assert.True(state.ResponseBreached);
        // The resolution clock did pause: only 09:00–09:15 used.
        Assert.Equal(Hours("0:15"), state.UsedBusinessTime);
    }

    [Fact]
    public void Targets_must_be_evaluated_in_their_own_calendar() =>
        Assert.Throws<ArgumentException>(() => SlaClock.Evaluate(
            new SlaTimeline(Local("2026-02-10 09:00"), null, [], null), Targets, AroundTheClock, Local("2026-02-10 10:00")));

    public static TheoryData<string> InvalidTimelines() => new()
    {
        "pause before creation",
        "overlapping pauses",
        "running pause that is not the last",
        "pause ending before it starts",
        "running pause on a resolved ticket",
        "response before creation",
    };

    [Theory]
    [MemberData(nameof(InvalidTimelines))]
    public void A_timeline_that_cannot_come_from_an_event_log_is_refused(string name)
    {
        var t0 = Local("2026-02-10 09:00");
        Instant At(int minutes) => t0 + Duration.FromMinutes(minutes);
        Action build = name switch
        {
            "pause before creation" => () => _ = new SlaTimeline(t0, null, [new(At(-5), At(5), "Pending")], null),
            "overlapping pauses" => () => _ = new SlaTimeline(t0, null, [new(At(10), At(30), "Pending"), new(At(20), At(40), "Pending")], null),
            "running pause that is not the last" => () => _ = new SlaTimeline(t0, null, [new(At(10), null, "Pending"), new(At(20), At(40), "Pending")], null),
            "pause ending before it starts" => () => _ = new SlaTimeline(t0, null, [new(At(30), At(20), "Pending")], null),
            "running pause on a resolved ticket" => () => _ = new SlaTimeline(t0, null, [new(At(10), null, "Pending")], At(60)),
            "response before creation" => () => _ = new SlaTimeline(t0, At(-1), [], null),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        Assert.Throws<ArgumentException>(build);
    }
}
