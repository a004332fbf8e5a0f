using NodaTime;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Domain.Sla;

public class SlaPolicyTests
{
    private static readonly SlaPolicy Baseline = new("standard", "Standard", "office", new Dictionary<Priority, PriorityTargets>
    {
        [Priority.P1] = new(Duration.FromMinutes(15), Duration.FromHours(4)),
        [Priority.P2] = new(Duration.FromMinutes(30), Duration.FromHours(8)),
        [Priority.P3] = new(Duration.FromHours(2), Duration.FromHours(24)),
        [Priority.P4] = new(Duration.FromHours(4), Duration.FromHours(40)),
        [Priority.P5] = new(Duration.FromHours(8), Duration.FromHours(80)),
    });

    // The payroll service only tightens P1 and P2, counted around the clock.
    private static readonly SlaPolicy Payroll = new("payroll", "Payroll", "24x7", new Dictionary<Priority, PriorityTargets>
    {
        [Priority.P1] = new(Duration.FromMinutes(5), Duration.FromHours(2)),
        [Priority.P2] = new(Duration.FromMinutes(10), Duration.FromHours(4)),
    });

    public static TheoryData<Priority, bool, int, int, string> ResolveCases() => new()
    {
        // priority, with the service policy?, response minutes, resolution hours, calendar
        { Priority.P1, true, 5, 2, "24x7" },
        { Priority.P2, true, 10, 4, "24x7" },
        { Priority.P3, true, 120, 24, "office" }, // not named by the service: baseline
        { Priority.P5, true, 480, 80, "office" },
        { Priority.P1, false, 15, 4, "office" },  // no service policy
    };

    [Theory]
    [MemberData(nameof(ResolveCases))]
    public void A_service_policy_replaces_only_the_priorities_it_names(Priority priority, bool withService, int responseMinutes, int resolutionHours, string calendar)
    {
        var targets = SlaPolicyResolver.Resolve(priority, Baseline, withService ? Payroll : null);
        Assert.Equal(new SlaTargets(Duration.FromMinutes(responseMinutes), Duration.FromHours(resolutionHours), calendar), targets);
    }

    [Fact]
    public void The_governing_policy_is_named_so_the_ticket_can_record_it()
    {
        Assert.Same(Payroll, SlaPolicyResolver.GoverningPolicy(Priority.P1, Baseline, Payroll));
        Assert.Same(Baseline, SlaPolicyResolver.GoverningPolicy(Priority.P4, Baseline, Payroll));
    }

    [Fact]
    public void A_priority_the_policy_does_not_name_is_an_error()
    {
        Assert.False(Payroll.Covers(Priority.P3));
        Assert.Equal("sla.policy.priority", Assert.Throws<DomainException>(() => Payroll.For(Priority.P3)).Code);
        // A baseline that misses a priority cannot be papered over by the resolver either.
        Assert.Equal("sla.policy.priority", Assert.Throws<DomainException>(() => SlaPolicyResolver.Resolve(Priority.P3, Payroll, null)).Code);
    }

    [Fact]
    public void Targets_must_be_longer_than_zero()
    {
        Assert.Equal("sla.target", Assert.Throws<DomainException>(() => new PriorityTargets(Duration.Zero, Duration.FromHours(1))).Code);
        Assert.Equal("sla.target", Assert.Throws<DomainException>(() => new SlaTargets(Duration.FromHours(1), Duration.FromHours(-1), "office")).Code);
        Assert.Equal("sla.policy.empty", Assert.Throws<DomainException>(() =>
            new SlaPolicy("empty", "Empty", "office", new Dictionary<Priority, PriorityTargets>())).Code);
    }
}
