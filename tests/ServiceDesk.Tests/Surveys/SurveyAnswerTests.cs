using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.Surveys;

/// <summary>
/// The satisfaction survey end to end: an agent resolves from the channel's card, the survey card
/// reaches the requester's chat (<c>Surveys:Delay</c> one second), and the clicks on it come back
/// through /api/messages.
/// </summary>
public sealed class SurveyAnswerTests : DeskTest
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Surveys:Delay"] = "00:00:01",
        ["Reports:Enabled"] = "false",
    };

    [Fact]
    public async Task The_requester_answers_once_someone_else_is_refused_and_the_satisfaction_kpi_counts_it()
    {
        await StartDeskAsync(Settings);
        var ticket = await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);
        await ClickAsync(Ana, CardData.Click(claimed.Card, "resolveTicket", ("resolveTicket.code", "Fixed"), ("resolveTicket.notes", "Perfil VPN regenerado")), ServiceDeskChannel);

        var survey = CardIn(await DeliveredAsync(Megan.PersonalChat, "POST", "How did we do?", "INC-000001"));

        // Jorge is not the requester: refused, nothing recorded.
        var intruder = await ClickAsync(Jorge, Rating(survey, 1));
        Assert.False(intruder.IsCard);
        Assert.Null((await SurveyOfAsync(ticket.Id)).AnsweredAt);

        var answered = await ClickAsync(Megan, Rating(survey, 4, "Quick and friendly"));
        Assert.True(answered.IsCard, answered.Value.ToString());
        var thanks = Words(answered.Card);
        Assert.Contains("Thank you for your answer", thanks);
        Assert.Contains("You rated INC-000001 ★★★★ (Good).", thanks);
        Assert.Contains("Your comment: Quick and friendly", thanks);
        // A rating accepts the fix: the ticket closes (its group needs no auditor and it has a category).
        Assert.Contains("The ticket is now closed.", thanks);
        Assert.Equal("Closed", (await TicketAsync("INC-000001")).GetProperty("status").GetString());

        var recorded = await SurveyOfAsync(ticket.Id);
        Assert.Equal((4, "Quick and friendly"), (recorded.Rating, recorded.Comment));
        Assert.Equal(1, await SurveyEventsAsync());
        await AssertSatisfactionAsync(answered: 1, mean: 4.0, sent: 1);

        // A second answer (another star on the same card) is refused politely: the first one stands.
        var again = await ClickAsync(Megan, Rating(survey, 2));
        Assert.True(again.IsCard);
        var words = Words(again.Card);
        Assert.Contains("You already answered this survey", words);
        Assert.Contains("Your first answer for INC-000001 stands: ★★★★ (Good). Thank you!", words);
        Assert.Equal(4, (await SurveyOfAsync(ticket.Id)).Rating);
        Assert.Equal(1, await SurveyEventsAsync());
        await AssertSatisfactionAsync(answered: 1, mean: 4.0, sent: 1);

        AssertCardsValid([.. DeliveredCards(), ("thanks", answered.Card), ("again", again.Card)]);
    }

    [Fact]
    public async Task A_survey_of_a_resolution_that_was_reopened_no_longer_takes_answers()
    {
        await StartDeskAsync(Settings);
        var ticket = await RegisterAsync(Megan, VpnIncident());
        var card = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "INC-000001"));
        var claimed = await ClickAsync(Ana, CardData.Click(card, "claimTicket"), ServiceDeskChannel);
        await ClickAsync(Ana, CardData.Click(claimed.Card, "resolveTicket", ("resolveTicket.code", "Fixed"), ("resolveTicket.notes", "Perfil VPN regenerado")), ServiceDeskChannel);
        var survey = CardIn(await DeliveredAsync(Megan.PersonalChat, "POST", "How did we do?", "INC-000001"));

        // "It is not fixed" on the survey itself reopens the ticket.
        var reopened = await ClickAsync(Megan, CardData.Click(survey, "reopenTicket", ("reopenTicket.reason", "Still drops every hour")));
        Assert.True(reopened.IsCard, reopened.Value.ToString());

        var late = await ClickAsync(Megan, Rating(survey, 5));
        Assert.False(late.IsCard);
        Assert.Contains("INC-000001", late.Message);
        Assert.Null((await SurveyOfAsync(ticket.Id)).AnsweredAt);
        Assert.Equal(0, await SurveyEventsAsync());
    }

    /// <summary>The data of the survey card's button for <paramref name="stars"/>, with the comment box filled.</summary>
    private static JsonObject Rating(JsonElement survey, int stars, string comment = "")
    {
        var found = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == "answerSurvey"
                        && o["data"]?["rating"]?.ToString() == stars.ToString())
                        found.Add((JsonObject)o["data"]!.DeepClone());
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(JsonNode.Parse(survey.GetRawText()));
        var data = Assert.Single(found);
        data["answerSurvey.comment"] = comment;
        return data;
    }

    private Task<Survey> SurveyOfAsync(Guid ticketId) => InScope(async s =>
        (await s.GetRequiredService<ISurveyRepository>().ForTicketAsync(ticketId))!);

    private async Task<int> SurveyEventsAsync() =>
        (await TicketAsync("INC-000001")).GetProperty("events").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "SurveyAnswered");

    private async Task AssertSatisfactionAsync(int answered, double mean, int sent)
    {
        // Yesterday and today, so a test that runs across midnight still has both the sending and the answer.
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Madrid"]).Date;
        var response = await Admin().GetAsync($"/api/kpis?from={today.PlusDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var satisfaction = JsonDocument.Parse(body).RootElement.GetProperty("satisfaction");
        Assert.Equal(answered, satisfaction.GetProperty("answered").GetInt32());
        Assert.Equal(mean, satisfaction.GetProperty("meanRating").GetDouble(), 10);
        Assert.Equal((answered, sent), (satisfaction.GetProperty("responseRate").GetProperty("count").GetInt32(),
            satisfaction.GetProperty("responseRate").GetProperty("of").GetInt32()));
    }

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
