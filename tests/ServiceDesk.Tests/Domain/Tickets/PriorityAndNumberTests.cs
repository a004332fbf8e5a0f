using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Domain.Tickets;

public class PriorityAndNumberTests
{
    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.P1)]
    [InlineData(Impact.High, Urgency.Medium, Priority.P2)]
    [InlineData(Impact.Medium, Urgency.High, Priority.P2)]
    [InlineData(Impact.High, Urgency.Low, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData(Impact.Low, Urgency.High, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.Low, Priority.P4)]
    [InlineData(Impact.Low, Urgency.Medium, Priority.P4)]
    [InlineData(Impact.Low, Urgency.Low, Priority.P5)]
    public void The_ITIL_matrix(Impact impact, Urgency urgency, Priority expected) =>
        Assert.Equal(expected, PriorityMatrix.For(impact, urgency));

    [Fact]
    public void Changing_impact_or_urgency_recomputes_priority_but_a_major_stays_P1()
    {
        var ticket = TicketFactory.New();
        ticket.ChangePriority(Impact.Low, Urgency.Low, TicketFactory.Targets, TicketFactory.Ana, TicketFactory.T0.AddMinutes(1));
        Assert.Equal(Priority.P5, ticket.Priority);
        ticket.DeclareMajor(TicketFactory.Targets, TicketFactory.Ana, TicketFactory.T0.AddMinutes(2));
        ticket.ChangePriority(Impact.Low, Urgency.Medium, TicketFactory.Targets, TicketFactory.Ana, TicketFactory.T0.AddMinutes(3));
        Assert.Equal(Priority.P1, ticket.Priority);
    }

    [Theory]
    [InlineData(TicketKind.Incident, 42, "INC-000042")]
    [InlineData(TicketKind.ServiceRequest, 1, "REQ-000001")]
    [InlineData(TicketKind.InformationRequest, 1234567, "INF-1234567")]
    public void Numbers_print_and_parse(TicketKind kind, long sequence, string text)
    {
        var number = new TicketNumber(kind, sequence);
        Assert.Equal(text, number.ToString());
        Assert.Equal(number, TicketNumber.Parse(text));
        Assert.Equal(number, TicketNumber.Parse(text.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("INC")]
    [InlineData("INC-")]
    [InlineData("INC-0")]
    [InlineData("XYZ-000001")]
    [InlineData("INC--5")]
    [InlineData("INC-12a")]
    public void Bad_numbers_do_not_parse(string text) => Assert.False(TicketNumber.TryParse(text, out _));

    [Fact]
    public void A_number_is_assigned_once()
    {
        var ticket = TicketFactory.New();
        Assert.Throws<ServiceDesk.Domain.DomainException>(() => ticket.AssignNumber(2));
        Assert.Equal("INC-000001", ticket.Number.ToString());
    }
}
