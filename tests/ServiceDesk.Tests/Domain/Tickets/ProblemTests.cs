using ServiceDesk.Domain;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Domain.Tickets.TicketFactory;

namespace ServiceDesk.Tests.Domain.Tickets;

public class ProblemTests
{
    [Fact]
    public void Problems_are_opened_from_level_two_or_three()
    {
        Assert.Throws<DomainException>(() => Problem.Open(Guid.NewGuid(), "VPN drops", "", "net-l2", SupportLevel.L1, Ana, T0));
        var problem = Problem.Open(Guid.NewGuid(), "VPN drops", "", "net-l2", SupportLevel.L2, Ana, T0);
        Assert.Equal(ProblemStatus.Open, problem.Status);
    }

    [Fact]
    public void Workaround_makes_a_known_error_and_resolution_needs_a_root_cause()
    {
        var problem = Problem.Open(Guid.NewGuid(), "VPN drops", "", "net-l2", SupportLevel.L3, Ana, T0);
        problem.LinkIncident(New());
        problem.RecordWorkaround("Reconnect with the backup gateway");
        Assert.Equal(ProblemStatus.KnownError, problem.Status);
        Assert.Throws<DomainException>(() => problem.Resolve(" ", T0.AddDays(1)));
        problem.Resolve("Firmware bug in the concentrator", T0.AddDays(2));
        Assert.Equal(ProblemStatus.Resolved, problem.Status);
        Assert.Throws<DomainException>(() => problem.LinkIncident(New()));
    }

    [Fact]
    public void Only_incidents_link_and_each_once()
    {
        var problem = Problem.Open(Guid.NewGuid(), "VPN drops", "", "net-l2", SupportLevel.L2, Ana, T0);
        Assert.Throws<DomainException>(() => problem.LinkIncident(New(TicketKind.ServiceRequest)));
        var incident = New();
        problem.LinkIncident(incident);
        problem.LinkIncident(incident);
        Assert.Single(problem.LinkedIncidents);
    }
}
