using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Flows.Intake;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Flows;

/// <summary>Agents' re-categorizations and resolved tickets improve what the desk proposes next, also after a restart.</summary>
public sealed class ClassifierLearningTests : FlowTest
{
    [Fact]
    public async Task A_recategorization_by_an_agent_teaches_the_next_suggestion()
    {
        var bot = StartBot();
        var before = Assert.Single(await SayAsync(bot, "El proyector de la sala Júpiter no proyecta", "es-ES"));
        Assert.Null(Category(before)); // nothing in the catalog speaks of projectors
        await ClickAsync(bot, before, "submitIntake", "es-ES");
        await NextCardsAsync(1);

        // An agent files it under workplace devices.
        var ticket = Assert.Single(await MeganTicketsAsync(bot));
        await InScopeAsync(bot, async s =>
        {
            var saved = (await s.GetRequiredService<ITicketRepository>().FindAsync(ticket.Id))!;
            saved.Categorize("laptop", "workplace", new PersonRef("luis", "Luis Gómez"), DateTimeOffset.UtcNow);
            await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return 0;
        });
        Assert.Equal(1, await bot.Services.GetRequiredService<ClassifierLearning>().LearnAsync(CancellationToken.None));
        Assert.Equal(0, await bot.Services.GetRequiredService<ClassifierLearning>().LearnAsync(CancellationToken.None));

        var after = Assert.Single(await SayAsync(bot, "Otra vez el proyector de la sala Marte", "es-ES"));
        Assert.Equal("laptop", Category(after));

        // The example is in the database: another instance (or a restart) proposes the same.
        var examples = await InScopeAsync(bot, s => s.GetRequiredService<IClassifierExampleStore>().ListAsync());
        var example = Assert.Single(examples);
        Assert.Equal(("laptop", 5.0), (example.CategoryKey, example.Weight));
        await StopAsync(bot);
        var restarted = StartBot();
        Assert.Single(await SayAsync(restarted, "cancelar", "es-ES")); // the form above is still open: start afresh
        Assert.Equal("laptop", Category(Assert.Single(await SayAsync(restarted, "El proyector de la sala Venus tampoco va", "es-ES"))));
    }

    private static string? Category(System.Text.Json.Nodes.JsonObject card) =>
        (string?)ServiceDesk.Tests.Cards.CardWalk.Objects(card).SingleOrDefault(o => (string?)o["id"] == "submitIntake.category")?["value"];
}
