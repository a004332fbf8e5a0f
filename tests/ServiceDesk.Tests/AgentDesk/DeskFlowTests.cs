using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.People;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.AgentDesk;

/// <summary>Parts 5–7: everyone sees the truth, closure with and without an auditor, the coordinator and the queue.</summary>
public sealed class DeskFlowTests : DeskTest
{
    [Fact]
    public async Task A_question_reaches_the_requester_and_the_answer_comes_back_to_the_ticket_and_the_cards_thread()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);

        var asked = await ClickAsync(Ana, CardData.Click(claimed.Card, "askRequester", ("askRequester.question", "¿Qué versión de FortiClient tienes?")), ServiceDeskChannel);
        Assert.True(asked.IsCard);
        var question = CardIn(await DeliveredAsync(Megan.PersonalChat, "POST", "Ana Ruiz has a question about INC-000001", "¿Qué versión de FortiClient tienes?"));

        var answered = await ClickAsync(Megan, CardData.Click(question, "replyOnTicket", ("replyOnTicket.text", "FortiClient 7.2.4")));

        Assert.True(answered.IsCard);
        Assert.Contains("What happens next", Words(answered.Card)); // the requester's own card
        var inThread = await DeliveredAsync(ServiceDeskChannel, "POST", "Megan Bowen responde sobre INC-000001", "FortiClient 7.2.4");
        Assert.Matches("/activities/msg-\\d+$", inThread.RawTarget); // a reply under the ticket's card
        var events = (await TicketAsync("INC-000001")).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["Created", "Claimed", "QuestionToRequester", "RequesterReplied"], events);
        AssertCardsValid(("question", question), ("answered", answered.Card), ("thread", CardIn(inThread)));
    }

    [Fact]
    public async Task A_reply_typed_in_the_chat_reaches_the_ticket_and_its_thread_the_same_way()
    {
        await StartDeskAsync();
        var ticket = await RegisterAsync(Megan, VpnIncident());
        await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001");

        // What the conversation flows do with text the requester types about an open ticket.
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var saved = await services.GetRequiredService<ServiceDesk.Domain.Tickets.ITicketRepository>().FindAsync(ticket.Id);
            await services.GetRequiredService<ServiceDesk.Bot.AgentDesk.RequesterReplies>().RecordAsync(saved!, "Also on the office Wi-Fi", DateTimeOffset.UtcNow, default);
            await services.GetRequiredService<ServiceDesk.Domain.IUnitOfWork>().SaveChangesAsync();
        }

        await DeliveredAsync(ServiceDeskChannel, "POST", "Megan Bowen responde sobre INC-000001", "Also on the office Wi-Fi");
        await DeliveredAsync(ServiceDeskChannel, "PUT", "INC-000001", "Also on the office Wi-Fi"); // the card's recent activity
        Assert.Equal("RequesterReplied", (await TicketAsync("INC-000001")).GetProperty("events").EnumerateArray().Last().GetProperty("type").GetString());
    }

    [Fact]
    public async Task On_hold_the_clock_stops_and_says_why_and_the_requester_is_told()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);

        var held = await ClickAsync(Ana, CardData.Click(claimed.Card, "putOnHold", ("putOnHold.reason", "Esperando al proveedor")), ServiceDeskChannel);

        var words = Words(held.Card);
        Assert.Contains("En espera", words);
        Assert.Contains("Esperando al proveedor", words);
        Assert.Contains("al reanudarse", words);
        await DeliveredAsync(Megan.PersonalChat, "POST", "INC-000001 is on hold", "Esperando al proveedor. Meanwhile the clock of your ticket is stopped.");
        var resumed = await ClickAsync(Ana, CardData.Click(held.Card, "resumeTicket"), ServiceDeskChannel);
        Assert.Contains("En curso", Words(resumed.Card));
        await DeliveredAsync(Megan.PersonalChat, "POST", "INC-000001: work resumed");
    }

    [Fact]
    public async Task The_requester_confirms_the_fix_and_the_ticket_closes()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);
        await ClickAsync(Ana, CardData.Click(claimed.Card, "resolveTicket", ("resolveTicket.code", "Fixed"), ("resolveTicket.notes", "Perfil VPN regenerado")), ServiceDeskChannel);
        var requesterCard = CardIn(await DeliveredAsync(Megan.PersonalChat, "PUT", "INC-000001", "Yes, it's fixed"));

        var confirmed = await ClickAsync(Megan, CardData.Click(requesterCard, "confirmFix"));

        Assert.Contains("This ticket is closed", Words(confirmed.Card));
        var saved = await TicketAsync("INC-000001");
        Assert.Equal("Closed", saved.GetProperty("status").GetString());
        Assert.Equal("Megan Bowen", saved.GetProperty("events").EnumerateArray().Last().GetProperty("byName").GetString());
        await DeliveredAsync(ServiceDeskChannel, "PUT", "INC-000001", "Cerrado");
    }

    [Fact]
    public async Task Where_the_group_requires_it_an_auditor_approves_or_rejects_the_closure_from_a_card()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident());
        var l1 = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(l1, "claimTicket"), ServiceDeskChannel);
        await ClickAsync(Ana, CardData.Click(claimed.Card, "escalateTicket", ("escalateTicket.group", "infrastructure-l3"), ("escalateTicket.reason", "Cortafuegos")), ServiceDeskChannel);
        var l3 = CardIn(await DeliveredAsync(InfraChannel, "POST", "INC-000001"));
        var mine = await ClickAsync(Marta, CardData.Click(l3, "claimTicket"), InfraChannel);
        await ClickAsync(Marta, CardData.Click(mine.Card, "resolveTicket", ("resolveTicket.code", "Fixed"), ("resolveTicket.notes", "Firmware actualizado")), InfraChannel);

        // The auditor gets the card; the requester's confirmation does not close it.
        await DeliveredAsync(Olga.PersonalChat, "POST", "Cierre por aprobar: INC-000001", "Firmware actualizado");
        var approval = CardIn(await DeliveredAsync(Olga.PersonalChat, "POST", "INC-000001", "Aprobar cierre"));
        var requesterCard = CardIn(await DeliveredAsync(Megan.PersonalChat, "PUT", "INC-000001", "Yes, it's fixed"));
        await ClickAsync(Megan, CardData.Click(requesterCard, "confirmFix"));
        await DeliveredAsync(Megan.PersonalChat, "POST", "A quality review will close INC-000001 shortly.");
        Assert.Equal("Resolved", (await TicketAsync("INC-000001")).GetProperty("status").GetString());

        // Agents cannot approve; the auditor rejects: back to work, with the reason for everyone.
        var byAgent = await ClickAsync(Marta, CardData.Click(approval, "approveClosure"), InfraChannel);
        Assert.Contains("Solo los auditores", byAgent.Message);
        var stale = await ClickAsync(Olga, CardData.Click(approval, "rejectClosure", ("rejectClosure.reason", "Faltan las notas del cambio")));
        Assert.StartsWith("Esta tarjeta está desactualizada", stale.Message); // the requester confirmed since
        var current = CardIn(await DeliveredAsync(InfraChannel, "PUT", "INC-000001", "Aprobar cierre"));
        var rejected = await ClickAsync(Olga, CardData.Click(current, "rejectClosure", ("rejectClosure.reason", "Faltan las notas del cambio")));
        Assert.Contains("En curso", Words(rejected.Card));
        await DeliveredAsync(Megan.PersonalChat, "POST", "INC-000001: we're on it again", "Faltan las notas del cambio");
        var inProgress = await TicketAsync("INC-000001");
        Assert.Equal(("InProgress", "Marta Sanz"), (inProgress.GetProperty("status").GetString(), inProgress.GetProperty("assignee").GetProperty("displayName").GetString()));

        // Resolved again, approved: closed.
        var again = await ClickAsync(Marta, CardData.Click(rejected.Card, "resolveTicket", ("resolveTicket.code", "Fixed"), ("resolveTicket.notes", "Firmware 7.4.2, cambio CHG-12")), InfraChannel);
        var approved = await ClickAsync(Olga, CardData.Click(again.Card, "approveClosure"));
        Assert.Contains("Cerrado", Words(approved.Card));
        await DeliveredAsync(Megan.PersonalChat, "POST", "INC-000001 closed");
        var events = (await TicketAsync("INC-000001")).GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("type").GetString(), e.GetProperty("byName").GetString())).ToList();
        Assert.Contains(("ClosureRejected", "Olga Ramos"), events);
        Assert.Contains(("ClosureApproved", "Olga Ramos"), events);
        Assert.Equal(("Closed", "Olga Ramos"), events[^1]);
    }

    [Fact]
    public async Task A_major_incident_alerts_the_coordinators_and_informs_the_requesters_manager()
    {
        await StartDeskAsync(services: s => s.AddSingleton<IRequesterDirectory>(new Directory()));
        await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        Assert.Contains("Megan Bowen · Finanzas", Words(card)); // the department, from the directory
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);

        var major = await ClickAsync(Ana, CardData.Click(claimed.Card, "declareMajor"), ServiceDeskChannel);

        Assert.Contains("INCIDENCIA GRAVE", Words(major.Card));
        var saved = await TicketAsync("INC-000001");
        Assert.Equal(("P1", true), (saved.GetProperty("priority").GetString(), saved.GetProperty("major").GetBoolean()));
        await DeliveredAsync(Carmen.PersonalChat, "POST", "Incidencia grave INC-000001", "Ana Ruiz (service-desk)");
        await DeliveredAsync(Jorge.PersonalChat, "POST", "Incidencia grave de Megan Bowen");
        await DeliveredAsync(Megan.PersonalChat, "POST", "INC-000001 is a major incident");
    }

    [Fact]
    public async Task Agents_call_the_coordinator_from_the_card_and_ask_for_the_queue_in_the_channel()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident());
        await RegisterAsync(Jorge, VpnIncident("No puedo imprimir") with { CategoryKey = "printing" });
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));

        var called = await ClickAsync(Ana, CardData.Click(card, "callCoordinator", ("callCoordinator.reason", "El cliente es de dirección")), ServiceDeskChannel);
        Assert.True(called.IsCard);
        await DeliveredAsync(Carmen.PersonalChat, "POST", "Ana Ruiz pide un coordinador", "El cliente es de dirección");

        await SayInChannelAsync(Ana, ServiceDeskChannel, "cola");
        var queue = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "Tickets abiertos"));
        var words = Words(queue);
        Assert.Contains("Nivel 1 · 2", words);
        Assert.Contains("INC-000001 ", words);
        Assert.Contains("INC-000002 ", words);
        Assert.Contains("En plazo", words);

        await SayInChannelAsync(Jorge, ServiceDeskChannel, "queue");
        await DeliveredAsync(ServiceDeskChannel, "POST", "no estás en su plantilla");
        AssertCardsValid(("queue", queue));
    }

    [Fact]
    public async Task Assign_comment_reopen_and_cancel_reach_the_people_they_concern()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));

        // Assigned to Pablo, who hears it in his chat; the requester hears who has it.
        Assert.Equal(new[] { "pablo", "ana" }.Order(), CardData.Choices(card, "assignTicket.assigneeKey").Order());
        var assigned = await ClickAsync(Ana, CardData.Click(card, "assignTicket", ("assignTicket.assigneeKey", "pablo")), ServiceDeskChannel);
        await DeliveredAsync(Pablo.PersonalChat, "POST", "INC-000001 asignado a ti", "Ana Ruiz te ha asignado");
        await DeliveredAsync(Megan.PersonalChat, "POST", "Pablo Gil is now handling your ticket");
        var notAgent = await ClickAsync(Ana, CardData.Click(assigned.Card, "assignTicket", ("assignTicket.assigneeKey", "luis")), ServiceDeskChannel);
        Assert.Equal("Luis Pérez no es agente de service-desk.", notAgent.Message);

        // An internal note stays with the desk; a message reaches the requester.
        var noted = await ClickAsync(Pablo, CardData.Click(assigned.Card, "commentOnTicket", ("commentOnTicket.text", "Revisado el log del concentrador")), ServiceDeskChannel);
        var told = await ClickAsync(Pablo, CardData.Click(noted.Card, "commentOnTicket", ("commentOnTicket.text", "Reinicia el cliente, por favor"), ("commentOnTicket.toRequester", "true")), ServiceDeskChannel);
        await DeliveredAsync(Megan.PersonalChat, "POST", "Pablo Gil wrote about INC-000001", "Reinicia el cliente, por favor");
        Assert.DoesNotContain(Connector.Delivered, r => IsTo(r, Megan.PersonalChat) && r.Body.Contains("concentrador"));

        // Resolved, the requester says it is not fixed: back to Pablo, and his card's thread says why.
        var resolved = await ClickAsync(Pablo, CardData.Click(told.Card, "resolveTicket", ("resolveTicket.code", "Fixed"), ("resolveTicket.notes", "Cliente reiniciado")), ServiceDeskChannel);
        var requesterCard = CardIn(await DeliveredAsync(Megan.PersonalChat, "PUT", "INC-000001", "Not fixed"));
        var reopened = await ClickAsync(Megan, CardData.Click(requesterCard, "reopenTicket", ("reopenTicket.reason", "It dropped again at 11:00")));
        Assert.Contains("Pablo Gil is working on it.", Words(reopened.Card));
        await DeliveredAsync(ServiceDeskChannel, "POST", "Megan Bowen reabrió INC-000001", "It dropped again at 11:00");
        var saved = await TicketAsync("INC-000001");
        Assert.Equal(("InProgress", "Pablo Gil"), (saved.GetProperty("status").GetString(), saved.GetProperty("assignee").GetProperty("displayName").GetString()));
        Assert.True(resolved.IsCard);

        // Another ticket, not started: its requester cancels it, and the channel's card shows it.
        var second = await RegisterAsync(Megan, VpnIncident("Outlook asks for my password"));
        var secondCard = CardIn(await DeliveredAsync(Megan.PersonalChat, "POST", second.Number.ToString(), "Cancel ticket"));
        var cancelled = await ClickAsync(Megan, CardData.Click(secondCard, "cancelTicket", ("cancelTicket.reason", "It works now")));
        Assert.Contains("This ticket was cancelled.", Words(cancelled.Card));
        await DeliveredAsync(ServiceDeskChannel, "PUT", second.Number.ToString(), "Cancelado");
        await DeliveredAsync(ServiceDeskChannel, "POST", $"Megan Bowen canceló {second.Number}", "It works now");
    }

    [Fact]
    public async Task Without_a_category_the_confirmation_is_recorded_and_waits_for_an_agent_to_categorize()
    {
        await StartDeskAsync();
        await RegisterAsync(Megan, VpnIncident() with { CategoryKey = null });
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);
        await ClickAsync(Ana, CardData.Click(claimed.Card, "resolveTicket", ("resolveTicket.code", "Fixed"), ("resolveTicket.notes", "Hecho")), ServiceDeskChannel);
        var requesterCard = CardIn(await DeliveredAsync(Megan.PersonalChat, "PUT", "INC-000001", "Yes, it's fixed"));

        await ClickAsync(Megan, CardData.Click(requesterCard, "confirmFix"));

        var saved = await TicketAsync("INC-000001");
        Assert.Equal("Resolved", saved.GetProperty("status").GetString());
        var last = saved.GetProperty("events").EnumerateArray().Last();
        Assert.Equal(("RequesterReplied", "Yes, it's fixed"), (last.GetProperty("type").GetString(), last.GetProperty("text").GetString()));
        await DeliveredAsync(ServiceDeskChannel, "POST", "Megan Bowen confirma que INC-000001 está arreglado");

        // An agent categorizes it (the form is first under "more" while there is no category); now it can close.
        var current = CardIn(await DeliveredAsync(ServiceDeskChannel, "PUT", "INC-000001", "Categorizar"));
        var categorized = await ClickAsync(Ana, CardData.Click(current, "categorizeTicket", ("categorizeTicket.category", "vpn")), ServiceDeskChannel);
        Assert.Contains("VPN y teletrabajo", Words(categorized.Card));
        var nowCategorized = await TicketAsync("INC-000001");
        Assert.Equal(("vpn", "vpn"), (nowCategorized.GetProperty("category").GetString(), nowCategorized.GetProperty("service").GetString()));
        var unknown = await ClickAsync(Ana, CardData.Click(categorized.Card, "categorizeTicket", ("categorizeTicket.category", "astrology")), ServiceDeskChannel);
        Assert.Equal("No existe la categoría «astrology».", unknown.Message);
    }

    /// <summary>What Graph would say: Megan works in finance and reports to Jorge.</summary>
    private sealed class Directory : IRequesterDirectory
    {
        public Task<RequesterProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken) =>
            Task.FromResult(aadObjectId == Megan.Aad
                ? new RequesterProfile("Megan Bowen", "Finanzas", "Analyst", "Madrid", "megan@example.com", "en-US",
                    new RequesterManager(Jorge.Aad, Jorge.Name, "jorge@example.com"))
                : null);
    }
}
