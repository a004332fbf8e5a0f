using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Flows;

/// <summary>Times on an employee's cards are in the zone their Teams client says, not only the desk's (Madrid).</summary>
public sealed class TimeZoneTests : FlowTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone Madrid = DateTimeZoneProviders.Tzdb["Europe/Madrid"];

    [Theory]
    [InlineData("es-ES", "Mi portátil no arranca desde esta mañana y no puedo trabajar")]
    [InlineData("en-US", "My laptop won't boot since this morning and I can't work")]
    public async Task The_ticket_card_shows_the_Madrid_computed_target_in_the_requester_zone(string locale, string problem)
    {
        var bot = StartBot();
        await RetireStarterKnowledgeAsync(bot);
        var form = await SayInZoneAsync(bot, problem, locale, "America/Los_Angeles");
        await ClickAsync(bot, form, "submitIntake", locale);
        var ticketCard = Assert.Single(await NextCardsAsync(1));

        var ticket = Assert.Single(await MeganTicketsAsync(bot));
        var view = await InScopeAsync(bot, s => s.GetRequiredService<TicketViews>().ForAsync(ticket, DateTimeOffset.UtcNow, default));
        var due = view.Sla!.ResolutionDue; // business time on the Madrid calendar
        var texts = Texts.For(locale, "es-ES");
        var now = SystemClock.Instance.GetCurrentInstant();
        var offset = LosAngeles.GetUtcOffset(due).ToTimeSpan().Hours; // -8 or -7
        var inLosAngeles = $"{texts.DayAndTime(due, LosAngeles, now)} (UTC{offset})";

        var shown = Text(ticketCard);
        Assert.Contains(inLosAngeles, shown);
        Assert.DoesNotContain(texts.DayAndTime(due, Madrid, now), shown);
        Assert.Equal("America/Los_Angeles", await StoredZoneAsync(bot, ticket));
        AssertAllCardsValid();
    }

    [Fact]
    public async Task Proactive_messages_to_the_requester_use_the_stored_zone_and_an_invalid_one_falls_back_to_the_desk()
    {
        var bot = StartBot();
        await RetireStarterKnowledgeAsync(bot);
        var form = await SayInZoneAsync(bot, "My laptop won't boot since this morning and I can't work", "en-US", "America/Los_Angeles");
        await ClickAsync(bot, form, "submitIntake", "en-US");
        await NextCardsAsync(1);
        var ticket = Assert.Single(await MeganTicketsAsync(bot));
        var due = Instant.FromUtc(2026, 11, 25, 9, 0); // 10:00 in Madrid, 01:00 in Los Angeles

        // Later, with no activity of hers in the turn: the chat's stored zone.
        Assert.Equal("Wed 25 Nov, 01:00 (UTC-8)", await RequesterWhenAsync(bot, ticket, due));

        // Her client then reports a zone that does not exist: the desk's zone, shown without an offset.
        await SayInZoneAsync(bot, "help", "en-US", "Mars/Olympus_Mons");
        Assert.Equal("Wed 25 Nov, 10:00", await RequesterWhenAsync(bot, ticket, due));
    }

    private async Task<JsonObject> SayInZoneAsync(DeskBot bot, string text, string locale, string zone)
    {
        var activity = Activity("message_personal_chat", a =>
        {
            a["id"] = $"tz-{Guid.NewGuid():N}";
            a["text"] = text;
            a["locale"] = locale;
            a["timestamp"] = DateTimeOffset.UtcNow.ToString("O");
            a["localTimezone"] = zone;
            foreach (var entity in a["entities"]!.AsArray())
                if ((string?)entity!["type"] == "clientInfo") entity["timezone"] = zone;
        });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, activity)).StatusCode);
        return Assert.Single(await NextCardsAsync(1, $"after \"{text}\""));
    }

    private static Task<string?> StoredZoneAsync(DeskBot bot, Ticket ticket) =>
        InScopeAsync(bot, async s => (await s.GetRequiredService<TicketAddresses>().RequesterAsync(ticket.Requester, default))!.TimeZone);

    // How a card sent to her now (SLA notice, survey, card refresh) writes an instant: TicketCards' context for her chat.
    private static Task<string> RequesterWhenAsync(DeskBot bot, Ticket ticket, Instant at) =>
        InScopeAsync(bot, async s =>
        {
            var audience = (await s.GetRequiredService<TicketAddresses>().RequesterAsync(ticket.Requester, default))!;
            var context = s.GetRequiredService<TicketCards>().ContextFor("en-US", audience.ChannelId,
                new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), audience.TimeZone);
            return context.When(at);
        });
}
