using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Tests.Flows;

/// <summary>"Show the ticket" gives each reader the card they may see: the requester theirs, the desk the agents' card, anyone else nothing.</summary>
public sealed class ShowTicketTests : FlowTest
{
    // Rido, in the Execute invoke of the oracle: another person in another personal chat.
    private const string RidoAad = "c5e99701-2a32-49c1-a660-4629ceeb8c61";

    [Fact]
    public async Task Someone_elses_ticket_is_not_shown_to_an_employee_but_is_to_an_agent()
    {
        var bot = StartBot();
        var form = Assert.Single(await SayAsync(bot, "Mi portátil no arranca desde esta mañana", "es-ES"));
        await ClickAsync(bot, form, "submitIntake", "es-ES");
        await NextCardsAsync(1);
        var ticket = Assert.Single(await MeganTicketsAsync(bot));

        var refused = await RidoShowsAsync(bot, ticket.Id);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)refused["type"]);
        Assert.Equal("Ticket not found. I can't find INC-000001, or it is not one of yours.", (string?)refused["value"]);

        await InScopeAsync(bot, async s =>
        {
            s.GetRequiredService<IRosterRepository>().Add(new Person("rido", "Rido", "rido@contoso.com", Role.Agent, ["service-desk"], aadObjectId: RidoAad));
            await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return 0;
        });
        var agentCard = await RidoShowsAsync(bot, ticket.Id);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)agentCard["type"]);
        Assert.Contains("claimTicket", agentCard["value"]!.ToJsonString());
        Assert.Contains("INC-000001", agentCard["value"]!.ToJsonString());
    }

    private async Task<JsonObject> RidoShowsAsync(Channels.Teams.Support.DeskBot bot, Guid ticketId)
    {
        var invoke = Activity("invoke_adaptiveCard_action_Action.Execute_personal", a =>
        {
            a["id"] = $"f:rido-{Guid.NewGuid():N}";
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "showTicket", ["data"] = new JsonObject { ["ticketId"] = ticketId.ToString() } },
                ["trigger"] = "manual",
            };
        });
        var response = await PostAsync(bot, invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
