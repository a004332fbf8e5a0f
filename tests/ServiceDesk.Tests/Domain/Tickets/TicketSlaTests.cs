using NodaTime;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Domain.Tickets.TicketFactory;

namespace ServiceDesk.Tests.Domain.Tickets;

/// <summary>The ticket's event log drives the SLA clock: pending spells and resolve→reopen spells pause it.</summary>
public class TicketSlaTests
{
    private static readonly BusinessCalendar Madrid = BusinessCalendar.Weekdays(
        "madrid", "Europe/Madrid", new LocalTime(8, 0), new LocalTime(18, 0), [new LocalDate(2026, 12, 8)]);

    // Monday 2026-11-16 09:00 Madrid = 08:00Z.
    private static readonly DateTimeOffset Monday0900 = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private static Ticket Open(TimeSpan resolution)
    {
        var t = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "VPN caída", "", Employee, Impact.Medium, Urgency.Medium,
            "vpn", "vpn", "service-desk", SupportLevel.L1, new TicketSlaTargets("standard", "madrid", TimeSpan.FromHours(1), resolution), Monday0900);
        t.AssignNumber(1);
        return t;
    }

    private static SlaState Evaluate(Ticket t, DateTimeOffset now) =>
        SlaClock.Evaluate(t.ToSlaTimeline(), t.Sla.ToSlaTargets(), Madrid, Instant.FromDateTimeOffset(now));

    [Fact]
    public void Pending_pauses_the_resolution_clock_and_says_why()
    {
        var t = Open(TimeSpan.FromHours(8));
        t.Claim(Ana, Monday0900.AddMinutes(20));
        t.PutOnHold("esperando al proveedor", Ana, Monday0900.AddHours(1));          // 10:00, 1 h used
        var paused = Evaluate(t, Monday0900.AddHours(5));
        Assert.True(paused.IsPaused);
        Assert.Equal("esperando al proveedor", paused.PauseReason);
        Assert.Equal(Duration.FromHours(1), paused.UsedBusinessTime);

        t.Resume(Ana, Monday0900.AddHours(25));                                      // Tuesday 10:00 (1 business hour... 24 h later)
        var state = Evaluate(t, Monday0900.AddHours(25));
        Assert.False(state.IsPaused);
        // Paused Mon 10:00 → Tue 10:00 = 10 business hours; 8 h target from Mon 09:00 = Mon 17:00, pushed 10 h → Tue 17:00.
        Assert.Equal(Instant.FromUtc(2026, 11, 17, 16, 0), state.ResolutionDue);
        Assert.Equal(Duration.FromHours(1), state.UsedBusinessTime);
        Assert.Equal(Instant.FromDateTimeOffset(Monday0900.AddMinutes(20)), state.RespondedAt);
    }

    [Fact]
    public void The_spell_between_a_resolution_and_its_reopen_does_not_count()
    {
        var t = Open(TimeSpan.FromHours(8));
        t.Claim(Ana, Monday0900);
        t.Resolve(new Resolution(ResolutionCode.Fixed, "reinstalled the client", false, false), Ana, Monday0900.AddHours(2)); // 11:00, 2 h used
        t.Reopen("sigue fallando", Employee.AsPerson(), Monday0900.AddHours(6));                                              // 15:00
        var timeline = t.ToSlaTimeline();
        var pause = Assert.Single(timeline.Pauses);
        Assert.Equal(Instant.FromDateTimeOffset(Monday0900.AddHours(2)), pause.Start);
        Assert.Equal(Instant.FromDateTimeOffset(Monday0900.AddHours(6)), pause.End);
        Assert.Null(timeline.Resolved);

        t.Resolve(new Resolution(ResolutionCode.Fixed, "new certificate", false, true), Ana, Monday0900.AddHours(8)); // 17:00
        var state = Evaluate(t, Monday0900.AddHours(9));
        // 2 h + (15:00→17:00) 2 h = 4 h used of 8: met.
        Assert.Equal(SlaPhase.Met, state.Phase);
        Assert.Equal(Duration.FromHours(4), state.UsedBusinessTime);
    }

    [Fact]
    public void An_open_ticket_past_its_target_is_breached()
    {
        var t = Open(TimeSpan.FromHours(2));
        var state = Evaluate(t, Monday0900.AddHours(3));
        Assert.True(state.Breached);
        Assert.True(state.ResponseBreached);
        Assert.Equal(SlaPhase.Breached, state.Phase);
    }
}
