using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Storage;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Flows;

/// <summary>Known answers first: "this solved it" ends without a ticket; "I still need help" registers what she already wrote.</summary>
public sealed class DeflectionTests : FlowTest
{
    private static readonly Guid VpnEs = new("5eed0000-0000-4000-8000-000000000001");
    private static readonly Guid VpnEn = new("5eed0000-0000-4000-8000-000000000002");

    [Theory]
    [InlineData("es-ES", "La VPN no conecta desde casa, se queda en «Conectando»", "La VPN no conecta desde casa", "¡Me alegro!")]
    [InlineData("en-US", "The VPN won't connect from home, it stays on Connecting", "VPN won't connect from home", "Glad to hear it!")]
    public async Task An_answer_that_solves_it_ends_the_conversation_without_a_ticket(string locale, string problem, string article, string glad)
    {
        var bot = StartBot();
        await AssertStarterKnowledgeSeededAsync(bot);
        var expected = locale.StartsWith("es", StringComparison.Ordinal) ? VpnEs : VpnEn;

        var offer = Assert.Single(await SayAsync(bot, problem, locale));
        Assert.Equal(locale[..2], (string?)offer["lang"]);
        Assert.Contains(article, Text(offer));

        var answer = await ClickAsync(bot, offer, "deflectionSolved", locale, which: data => (string?)data["articleId"] == expected.ToString());

        Assert.Contains(glad, Text(answer));
        Assert.Empty(await MeganTicketsAsync(bot));
        Assert.Equal((1, 0), await FeedbackAsync(bot, expected));
        Assert.Equal(0, await FlowCountAsync(bot));
        await AssertNothingMoreAsync();
        AssertAllCardsValid();
    }

    [Theory]
    [InlineData("es-ES", "La VPN no conecta desde casa, se queda en «Conectando»", "Ticket registrado")]
    [InlineData("en-US", "The VPN won't connect from home, it stays on Connecting", "Ticket registered")]
    public async Task Still_needing_help_registers_the_ticket_with_what_was_already_written(string locale, string problem, string registered)
    {
        var bot = StartBot();
        await AssertStarterKnowledgeSeededAsync(bot);
        var offer = Assert.Single(await SayAsync(bot, problem, locale));
        var offered = ServiceDesk.Tests.Cards.CardWalk.Clicks(offer)
            .Where(c => c.Verb == "deflectionSolved").Select(c => Guid.Parse((string)c.Data["articleId"]!)).Distinct().ToList();
        Assert.NotEmpty(offered);

        var answer = await ClickAsync(bot, offer, "submitIntake", locale);

        Assert.Contains(registered, Text(answer));
        var card = Assert.Single(await NextCardsAsync(1));
        Assert.Contains("INC-000001", Text(card));
        var ticket = Assert.Single(await MeganTicketsAsync(bot));
        Assert.Equal(problem, ticket.Title);
        Assert.Equal("vpn", ticket.CategoryKey);
        foreach (var article in offered) Assert.Equal((0, 1), await FeedbackAsync(bot, article));
        Assert.Equal(0, await FlowCountAsync(bot));
        AssertAllCardsValid();
    }

    // First start seeds the starter articles; the deflection paths below rely on them being there.
    internal static Task AssertStarterKnowledgeSeededAsync(DeskBot bot) => InScopeAsync(bot, async s =>
    {
        var context = s.GetRequiredService<ServiceDeskContext>();
        var keys = StarterKnowledge.StarterArticles().Select(a => a.Key).ToHashSet();
        var seeded = await context.Set<KnowledgeArticle>().CountAsync(a => keys.Contains(a.Key));
        Assert.Equal(keys.Count, seeded);
        return 0;
    });

    private static Task<(int Helpful, int NotHelpful)> FeedbackAsync(DeskBot bot, Guid article) => InScopeAsync(bot, async s =>
    {
        var found = (await s.GetRequiredService<IKnowledgeBase>().FindAsync(article))!;
        return (found.HelpfulCount, found.NotHelpfulCount);
    });

    internal static Task<int> FlowCountAsync(DeskBot bot) =>
        InScopeAsync(bot, s => s.GetRequiredService<ServiceDeskContext>().ConversationFlows.CountAsync());
}
