using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.AgentDesk;

/// <summary>
/// Every card action is decided on the server from the roster, the group and the tenant, whatever the
/// card says: an agent of another group, a plain employee and someone of another tenant are refused,
/// told why, and the ticket (or problem, or group) stays exactly as it was.
/// </summary>
public sealed class AuthorizationTests : DeskTest
{
    private enum Place { TriageChannel, OwnChat }

    private sealed record Verb(string Name, Place Where, Func<Guid, int, Guid, JsonObject> Data);

    private static JsonObject Ticket(string verb, Guid id, int version, params (string Name, JsonNode? Value)[] fields)
    {
        var data = new JsonObject { ["verb"] = verb, ["ticketId"] = id.ToString(), ["version"] = version };
        foreach (var (name, value) in fields) data[name] = value;
        return data;
    }

    /// <summary>Every verb that acts on a ticket, a problem or a group, with the inputs its form would send.</summary>
    private static readonly Verb[] Verbs =
    [
        new("claimTicket", Place.TriageChannel, (t, v, _) => Ticket("claimTicket", t, v)),
        new("startWork", Place.TriageChannel, (t, v, _) => Ticket("startWork", t, v)),
        new("assignTicket", Place.TriageChannel, (t, v, _) => Ticket("assignTicket", t, v, ("assigneeKey", "pablo"))),
        new("commentOnTicket", Place.TriageChannel, (t, v, _) => Ticket("commentOnTicket", t, v, ("text", "nota"), ("toRequester", true))),
        new("askRequester", Place.TriageChannel, (t, v, _) => Ticket("askRequester", t, v, ("question", "¿Desde cuándo?"))),
        new("putOnHold", Place.TriageChannel, (t, v, _) => Ticket("putOnHold", t, v, ("reason", "proveedor"))),
        new("resumeTicket", Place.TriageChannel, (t, v, _) => Ticket("resumeTicket", t, v)),
        new("resolveTicket", Place.TriageChannel, (t, v, _) => Ticket("resolveTicket", t, v, ("code", "Fixed"), ("notes", "hecho"), ("workaround", false), ("reusable", false))),
        new("escalateTicket", Place.TriageChannel, (t, v, _) => Ticket("escalateTicket", t, v, ("to", "L2"), ("reason", "red"), ("group", "network-l2"))),
        new("declareMajor", Place.TriageChannel, (t, v, _) => Ticket("declareMajor", t, v)),
        new("openProblem", Place.TriageChannel, (t, v, _) => Ticket("openProblem", t, v, ("title", "VPN"))),
        new("linkProblem", Place.TriageChannel, (t, v, _) => Ticket("linkProblem", t, v, ("problemNumber", "PRB-000001"))),
        new("callCoordinator", Place.TriageChannel, (t, v, _) => Ticket("callCoordinator", t, v, ("reason", "ayuda"))),
        new("approveClosure", Place.OwnChat, (t, v, _) => Ticket("approveClosure", t, v)),
        new("rejectClosure", Place.OwnChat, (t, v, _) => Ticket("rejectClosure", t, v, ("reason", "faltan notas"))),
        new("replyOnTicket", Place.OwnChat, (t, v, _) => Ticket("replyOnTicket", t, v, ("text", "respuesta"))),
        new("confirmFix", Place.OwnChat, (t, v, _) => Ticket("confirmFix", t, v)),
        new("reopenTicket", Place.OwnChat, (t, v, _) => Ticket("reopenTicket", t, v, ("reason", "sigue igual"))),
        new("cancelTicket", Place.OwnChat, (t, v, _) => Ticket("cancelTicket", t, v, ("reason", "ya no"))),
        new("refreshTicket", Place.TriageChannel, (t, v, _) => Ticket("refreshTicket", t, v, ("audience", "Agent"))),
        new("refreshTicket", Place.OwnChat, (t, v, _) => Ticket("refreshTicket", t, v, ("audience", "Requester"))),
        new("resolveProblem", Place.TriageChannel, (_, _, p) => new JsonObject
            { ["verb"] = "resolveProblem", ["problemId"] = p.ToString(), ["version"] = 1, ["rootCause"] = "firmware" }),
        new("registerTriageChannel", Place.TriageChannel, (_, _, _) => new JsonObject { ["verb"] = "registerTriageChannel", ["group"] = "service-desk" }),
    ];

    [Fact]
    public async Task An_agent_of_another_group_is_refused_every_action_and_told_why()
    {
        // Luis is a specialist of network-l2; the ticket is level 1's, the problem network-l2's (where Ana is the outsider).
        var refusals = await RefuseAllAsync(Luis, Ana);

        Assert.Contains("belongs to service-desk: only its agents, or a coordinator, can do this", refusals["claimTicket"]);
        Assert.Contains("Only the person who reported INC-000001 can do this", refusals["confirmFix"]);
        Assert.Contains("Only auditors approve or reject the closure", refusals["approveClosure"]);
        Assert.Contains("es del grupo network-l2", refusals["resolveProblem"]);
        Assert.Contains("Only coordinators can do this", refusals["registerTriageChannel"]);
    }

    [Fact]
    public async Task A_plain_employee_is_refused_every_action_and_told_why()
    {
        var refusals = await RefuseAllAsync(Jorge, Jorge);

        Assert.Contains("no estás en su plantilla", refusals["claimTicket"]);
        Assert.Contains("Solo quien abrió INC-000001 puede hacerlo", refusals["replyOnTicket"]);
        Assert.Contains("no estás en su plantilla", refusals["rejectClosure"]);
        Assert.Contains("no estás en su plantilla", refusals["resolveProblem"]);
    }

    [Fact]
    public async Task Someone_of_another_tenant_is_refused_every_action_whatever_their_roles()
    {
        var refusals = await RefuseAllAsync(Intruder, Intruder);

        Assert.Contains("Esto pertenece a otra organización", refusals["claimTicket"]);
        Assert.Contains("Esto pertenece a otra organización", refusals["approveClosure"]);
        Assert.Contains("Esto pertenece a otra organización", refusals["resolveProblem"]);
        Assert.Contains("Esto pertenece a otra organización", refusals["registerTriageChannel"]);
        Assert.Contains("Solo quien abrió INC-000001 puede hacerlo", refusals["cancelTicket"]);
    }

    /// <summary>
    /// Sets up a ticket (claimed by Ana at level 1) and a problem of network-l2, lets <paramref name="outsider"/> try every verb
    /// (<paramref name="problemOutsider"/> the problem's), checks each is refused with a reason and nothing changed; returns the reasons by verb.
    /// </summary>
    private async Task<Dictionary<string, string>> RefuseAllAsync(TestUser outsider, TestUser problemOutsider)
    {
        await StartDeskAsync();
        var registered = await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        Assert.True((await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel)).IsCard);
        var problemId = await OpenProblemAsync();
        var before = await TicketAsync("INC-000001");
        var version = before.GetProperty("version").GetInt32();
        var groupsBefore = await Admin().GetStringAsync("/api/admin/groups");

        var refusals = new Dictionary<string, string>();
        foreach (var verb in Verbs)
        {
            var who = verb.Name == "resolveProblem" ? problemOutsider : outsider;
            var answer = await ClickAsync(who, verb.Data(registered.Id, version, problemId), verb.Where == Place.TriageChannel ? ServiceDeskChannel : null);
            Assert.True(answer.Type == "application/vnd.microsoft.activity.message", $"{verb.Name} by {who.Name} was not refused: {answer.Value}");
            var message = answer.Message;
            Assert.True(message.StartsWith(who.Locale.StartsWith("es") ? "No puedes hacer eso. " : "You can't do that. ", StringComparison.Ordinal),
                $"{verb.Name} by {who.Name}: '{message}'");
            Assert.True(message.Length > 30, $"{verb.Name}: the refusal does not say why: '{message}'");
            refusals.TryAdd(verb.Name, message);
        }

        var after = await TicketAsync("INC-000001");
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("events").GetArrayLength(), after.GetProperty("events").GetArrayLength());
        Assert.Equal(("Assigned", "Ana Ruiz", "service-desk"),
            (after.GetProperty("status").GetString(), after.GetProperty("assignee").GetProperty("displayName").GetString(), after.GetProperty("group").GetString()));
        Assert.False(after.GetProperty("major").GetBoolean());
        Assert.Equal(groupsBefore, await Admin().GetStringAsync("/api/admin/groups"));
        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            var problem = await scope.ServiceProvider.GetRequiredService<IProblemRepository>().FindAsync(problemId);
            Assert.Equal((ProblemStatus.Open, 1), (problem!.Status, problem.Version));
        }
        return refusals;
    }

    private async Task<Guid> OpenProblemAsync()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var problem = Problem.Open(Guid.NewGuid(), "VPN drops", "", "network-l2", SupportLevel.L2, new PersonRef("luis", "Luis Pérez"), DateTimeOffset.UtcNow);
        scope.ServiceProvider.GetRequiredService<IProblemRepository>().Add(problem);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return problem.Id;
    }
}
