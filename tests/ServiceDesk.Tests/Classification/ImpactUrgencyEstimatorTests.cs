using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Classification;

public class ImpactUrgencyEstimatorTests
{
    [Theory]
    // One person, work stopped.
    [InlineData("Mi portátil no arranca desde esta mañana y no puedo trabajar", TicketKind.Incident, Impact.Low, Urgency.High, Priority.P3)]
    [InlineData("My laptop won't boot and I can't work", TicketKind.Incident, Impact.Low, Urgency.High, Priority.P3)]
    // One person, broken, nothing says it is pressing.
    [InlineData("Outlook no sincroniza el calendario", TicketKind.Incident, Impact.Low, Urgency.Medium, Priority.P4)]
    [InlineData("the printer prints faded pages", TicketKind.Incident, Impact.Low, Urgency.Medium, Priority.P4)]
    // A whole group.
    [InlineData("No hay internet en toda la oficina, nadie puede trabajar", TicketKind.Incident, Impact.High, Urgency.High, Priority.P1)]
    [InlineData("The whole team can't open the shared drive, urgent!", TicketKind.Incident, Impact.High, Urgency.High, Priority.P1)]
    [InlineData("everyone on the 2nd floor lost wifi", TicketKind.Incident, Impact.High, Urgency.Medium, Priority.P2)]
    // Several people.
    [InlineData("Varios compañeros tampoco pueden imprimir", TicketKind.Incident, Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData("several of us keep getting kicked off the VPN", TicketKind.Incident, Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData("SAP está caído", TicketKind.Incident, Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData("the ERP is down for everyone in finance asap", TicketKind.Incident, Impact.High, Urgency.High, Priority.P1)]
    // Requests and deadlines.
    [InlineData("Necesito una licencia de Visio, no es urgente", TicketKind.ServiceRequest, Impact.Low, Urgency.Low, Priority.P5)]
    [InlineData("no rush, but could I get a second monitor?", TicketKind.ServiceRequest, Impact.Low, Urgency.Low, Priority.P5)]
    [InlineData("Necesito la licencia para hoy, tengo una presentación", TicketKind.ServiceRequest, Impact.Low, Urgency.High, Priority.P3)]
    [InlineData("I need access to the finance folder by tomorrow", TicketKind.ServiceRequest, Impact.Low, Urgency.Medium, Priority.P4)]
    [InlineData("Please reset my password ASAP, meeting in 10 minutes", TicketKind.ServiceRequest, Impact.Low, Urgency.High, Priority.P3)]
    [InlineData("¿Cómo comparto mi calendario?", TicketKind.InformationRequest, Impact.Low, Urgency.Low, Priority.P5)]
    public void Impact_and_urgency_come_from_scope_and_pressure_cues(string text, TicketKind kind, Impact impact, Urgency urgency, Priority priority)
    {
        var estimate = ImpactUrgencyEstimator.Estimate(text, kind);

        Assert.Equal((impact, urgency, priority), (estimate.Impact, estimate.Urgency, estimate.Priority));
    }

    [Fact]
    public void Reasons_quote_the_cues()
    {
        var estimate = ImpactUrgencyEstimator.Estimate("No hay internet en toda la oficina, nadie puede trabajar", TicketKind.Incident);

        Assert.Equal(
            ["urgency High: \"nadie puede trabajar\" (work is stopped or cannot wait)",
             "impact High: \"toda la oficina\", \"nadie puede\" (a whole group is affected)"],
            estimate.Reasons);
    }

    [Fact]
    public void Not_urgent_is_not_read_as_urgent()
    {
        var estimate = ImpactUrgencyEstimator.Estimate("No es urgente, pero el ratón va raro", TicketKind.Incident);

        Assert.Equal(Urgency.Low, estimate.Urgency);
        Assert.Equal("urgency Low: \"no es urgente\" (it can wait)", estimate.Reasons[0]);
    }

    [Fact]
    public void This_morning_is_not_tomorrow()
    {
        // "mañana" folds to "manana"; only "para mañana" is a deadline.
        Assert.Equal(Urgency.Medium, ImpactUrgencyEstimator.Estimate("desde esta mañana no imprime", TicketKind.Incident).Urgency);
        Assert.Equal(Urgency.Medium, ImpactUrgencyEstimator.Estimate("Necesito Visio para mañana", TicketKind.ServiceRequest).Urgency);
    }

    [Fact]
    public void Without_cues_one_person_is_low_impact_and_the_kind_sets_the_urgency()
    {
        Assert.Equal((Impact.Low, Urgency.Medium), Pair(ImpactUrgencyEstimator.Estimate("el ratón va raro", TicketKind.Incident)));
        Assert.Equal((Impact.Low, Urgency.Low), Pair(ImpactUrgencyEstimator.Estimate("quiero otro ratón", TicketKind.ServiceRequest)));
        Assert.Equal((Impact.Low, Urgency.Low), Pair(ImpactUrgencyEstimator.Estimate("¿dónde está el manual?", TicketKind.InformationRequest)));
        Assert.Contains("impact Low: nobody else is mentioned, so one person", ImpactUrgencyEstimator.Estimate("el ratón va raro", TicketKind.Incident).Reasons);
    }

    private static (Impact, Urgency) Pair(ImpactUrgencyEstimate e) => (e.Impact, e.Urgency);
}
