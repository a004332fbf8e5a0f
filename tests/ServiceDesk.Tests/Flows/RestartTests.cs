using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Flows;

/// <summary>The flow's step lives in the database: a restart (or another instance) mid-flow continues where it was.</summary>
public sealed class RestartTests : FlowTest
{
    [Fact]
    public async Task A_restart_in_the_middle_of_the_intake_loses_nothing()
    {
        var first = StartBot();
        await RetireStarterKnowledgeAsync(first);
        var form = Assert.Single(await SayAsync(first, "Mi portátil no arranca desde esta mañana y no puedo trabajar", "es-ES"));
        Assert.Contains("P3", Text(form));
        await StopAsync(first);

        // After the restart she adds that a colleague has the same problem: the flow still has her first words.
        var second = StartBot();
        var refined = Assert.Single(await SayAsync(second, "A mi compañero también le pasa", "es-ES"));

        Assert.Contains("P2", Text(refined)); // more than one person: impact medium, and she still cannot work
        var registered = await ClickAsync(second, refined, "submitIntake", "es-ES");
        Assert.Contains("INC-000001", Text(registered));
        var ticket = Assert.Single(await MeganTicketsAsync(second));
        Assert.Equal("Mi portátil no arranca desde esta mañana y no puedo trabajar", ticket.Title);
        Assert.Equal("Mi portátil no arranca desde esta mañana y no puedo trabajar\nA mi compañero también le pasa", ticket.Description);
        Assert.Equal((Impact.Medium, Urgency.High, Priority.P2), (ticket.Impact, ticket.Urgency, ticket.Priority));
        Assert.Equal(0, await DeflectionTests.FlowCountAsync(second));
        AssertAllCardsValid();
    }

    [Fact]
    public async Task Known_answers_offered_before_a_restart_can_still_be_declined_after_it()
    {
        var first = StartBot();
        await DeflectionTests.AssertStarterKnowledgeSeededAsync(first);
        var offer = Assert.Single(await SayAsync(first, "The VPN won't connect from home, it stays on Connecting", "en-US"));
        await StopAsync(first);

        var second = StartBot();
        var registered = await ClickAsync(second, offer, "submitIntake", "en-US");

        Assert.Contains("Ticket registered", Text(registered));
        Assert.Equal(TicketKind.Incident, Assert.Single(await MeganTicketsAsync(second)).Kind);
        Assert.Equal(0, await DeflectionTests.FlowCountAsync(second));
    }
}
