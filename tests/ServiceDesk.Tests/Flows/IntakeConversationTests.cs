using System.Text.Json.Nodes;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Flows;

/// <summary>The whole life of a ticket as the employee lives it, in each of the desk's languages.</summary>
public sealed class IntakeConversationTests : FlowTest
{
    public static TheoryData<string, string, string, string[]> Languages => new()
    {
        {
            "es-ES", "Mi portátil no arranca desde esta mañana y no puedo trabajar", "mis tickets",
            ["Mi propuesta: Incidencia · Portátil u ordenador · prioridad P3 · Media", "Ticket registrado", "INC-000001", "Resolución prevista",
                "Está en la cola del equipo de soporte", "Tus tickets", "En plazo", "Ya arranca, era la batería", "Cerrado"]
        },
        {
            "en-US", "My laptop won't boot since this morning and I can't work", "my tickets",
            ["My suggestion: Incident · Laptop or desktop · priority P3 · Medium", "Ticket registered", "INC-000001", "Expected resolution",
                "It is in the support team's queue", "Your tickets", "On track", "It boots now, it was the battery", "Closed"]
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Report_form_ticket_my_tickets_comment_and_confirm_the_fix(string locale, string problem, string myTickets, string[] expect)
    {
        var bot = StartBot(); // the desk's default language is Spanish: everything below follows the person's locale
        var lang = locale[..2];
        await RetireStarterKnowledgeAsync(bot);

        // She describes the problem in her own words: the form comes back filled with the desk's reading.
        var form = Assert.Single(await SayAsync(bot, problem, locale));
        Assert.Equal(lang, (string?)form["lang"]);
        Assert.Contains(expect[0], Text(form));
        Assert.Equal("laptop", InputValue(form, "submitIntake.category"));
        Assert.Equal("workplace", InputValue(form, "submitIntake.service"));
        Assert.Equal("Incident", InputValue(form, "submitIntake.kind"));
        Assert.Equal(("Low", "High"), (InputValue(form, "submitIntake.impact"), InputValue(form, "submitIntake.urgency")));
        Assert.Equal(problem, InputValue(form, "submitIntake.title"));

        // She sends it as it is: the form turns into the confirmation, and her ticket's card arrives.
        var registered = await ClickAsync(bot, form, "submitIntake", locale);
        Assert.Contains(expect[1], Text(registered));
        Assert.Contains(expect[2], Text(registered));
        var ticketCard = Assert.Single(await NextCardsAsync(1));
        Assert.Equal(lang, (string?)ticketCard["lang"]);
        var shown = Text(ticketCard);
        Assert.Contains("INC-000001", shown);
        Assert.Contains("P3", shown);
        Assert.Contains(expect[3], shown);
        Assert.Contains(expect[4], shown);
        var ticket = Assert.Single(await MeganTicketsAsync(bot));
        Assert.Equal((TicketKind.Incident, "laptop", "workplace", Priority.P3, TicketStatus.New),
            (ticket.Kind, ticket.CategoryKey, ticket.ServiceKey, ticket.Priority, ticket.Status));
        Assert.Equal(locale, ticket.Requester.Locale);

        // "My tickets": the list, with where the SLA stands.
        var list = Assert.Single(await SayAsync(bot, myTickets, locale));
        Assert.Contains(expect[5], Text(list));
        Assert.Contains("INC-000001", Text(list));
        Assert.Contains(expect[6], Text(list));

        // She opens the ticket from the list and adds a comment from its card.
        var opened = await ClickAsync(bot, list, "showTicket", locale);
        Assert.Contains("INC-000001", Text(opened));
        await ClickAsync(bot, opened, "replyOnTicket", locale, new Dictionary<string, string> { ["replyOnTicket.text"] = expect[7] });
        ticket = Assert.Single(await MeganTicketsAsync(bot));
        Assert.Contains(ticket.Events, e => e.Type == TicketEventType.RequesterReplied && e.Text == expect[7]);

        // An agent fixes it; she asks for the ticket by its number and confirms the fix on its card.
        await ResolveAsync(bot, ticket.Number, "Battery replaced");
        var resolved = Assert.Single(await SayAsync(bot, "INC-000001", locale, answers: 1));
        Assert.Contains("Battery replaced", Text(resolved));
        var confirmed = await ClickAsync(bot, resolved, "confirmFix", locale);
        Assert.Contains(expect[8], Text(confirmed));
        Assert.Equal(TicketStatus.Closed, Assert.Single(await MeganTicketsAsync(bot)).Status);

        AssertAllCardsValid();
    }

    private static string? InputValue(JsonObject card, string id) =>
        (string?)ServiceDesk.Tests.Cards.CardWalk.Objects(card).Single(o => (string?)o["id"] == id)["value"];
}
