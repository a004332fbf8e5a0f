using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Flows;

/// <summary>While an agent waits for her answer, what she types is offered as the answer or as something new.</summary>
public sealed class QuestionTests : FlowTest
{
    [Theory]
    [InlineData("es-ES", "Mi portátil no arranca desde esta mañana", "¿Desde cuándo pasa?", "Desde ayer por la tarde", "¿Es tu respuesta sobre INC-000001?",
        "La impresora de la tercera planta no imprime")]
    [InlineData("en-US", "My laptop won't boot since this morning", "Since when does it happen?", "Since yesterday afternoon", "Is this your answer on INC-000001?",
        "The printer on the third floor won't print")]
    public async Task Text_written_while_a_question_waits_goes_to_the_ticket_or_to_a_new_intake(string locale, string problem, string question,
        string reply, string offer, string newProblem)
    {
        var bot = StartBot();
        await RetireStarterKnowledgeAsync(bot);
        var form = Assert.Single(await SayAsync(bot, problem, locale));
        await ClickAsync(bot, form, "submitIntake", locale);
        await NextCardsAsync(1);
        var number = Assert.Single(await MeganTicketsAsync(bot)).Number;
        await AskAsync(bot, number, question);

        // Her answer: she says so, and it reaches the ticket.
        var asked = Assert.Single(await SayAsync(bot, reply, locale));
        Assert.Contains(offer, Text(asked));
        Assert.Contains(question, Text(asked));
        await ClickAsync(bot, asked, "replyOnTicket", locale);
        Assert.Contains(Assert.Single(await MeganTicketsAsync(bot)).Events, e => e.Type == TicketEventType.RequesterReplied && e.Text == reply);

        // Asked again, she writes about something else: it goes to a new intake, with her words.
        await AskAsync(bot, number, question);
        var again = Assert.Single(await SayAsync(bot, newProblem, locale));
        Assert.Contains(offer, Text(again));
        var newForm = await ClickAsync(bot, again, "startIntake", locale);
        Assert.Equal("printing", (string?)ServiceDesk.Tests.Cards.CardWalk.Objects(newForm).Single(o => (string?)o["id"] == "submitIntake.category")["value"]);
        Assert.Contains(newProblem, Text(newForm) + string.Join(' ', ServiceDesk.Tests.Cards.CardWalk.Objects(newForm).Select(o => (string?)o["value"])));
        Assert.DoesNotContain(Assert.Single(await MeganTicketsAsync(bot)).Events, e => e.Type == TicketEventType.RequesterReplied && e.Text == newProblem);
        AssertAllCardsValid();
    }

    private static Task AskAsync(DeskBot bot, TicketNumber number, string question) => InScopeAsync(bot, async s =>
    {
        var ticket = (await s.GetRequiredService<ITicketRepository>().FindByNumberAsync(number))!;
        var agent = new PersonRef("luis", "Luis Gómez");
        if (ticket.Status == TicketStatus.New) ticket.Claim(agent, DateTimeOffset.UtcNow);
        ticket.AskRequester(agent, question, DateTimeOffset.UtcNow);
        await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return 0;
    });
}
