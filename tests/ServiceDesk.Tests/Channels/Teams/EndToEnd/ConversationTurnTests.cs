using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams.EndToEnd;

/// <summary>Installs, card clicks and their answers, end to end, every card checked against Adaptive Cards 1.5.</summary>
public sealed class ConversationTurnTests : EndToEndTest
{
    private const string PersonalInstall = "conversationUpdate_membersAdded_personal_chat";
    private const string ExecuteInvoke = "invoke_adaptiveCard_action_Action.Execute_personal";

    [Theory]
    [InlineData("es-ES", "es", "¡Hola")]
    [InlineData("en-US", "en", "Hello")]
    public async Task Installing_the_bot_welcomes_the_person_once_in_their_language(string locale, string lang, string greeting)
    {
        var bot = StartBot(new Dictionary<string, string?> { ["ServiceDesk:DefaultLocale"] = locale == "es-ES" ? "en-US" : "es-ES" });
        var conversationUpdate = Activity(PersonalInstall, a => a["locale"] = locale);
        // Teams announces a personal install twice: the conversation update and an installation update.
        var installationUpdate = Activity(PersonalInstall, a =>
        {
            a["type"] = "installationUpdate";
            a["id"] = "f:install-2";
            a["action"] = "add";
            a["locale"] = locale;
            a.Remove("membersAdded");
        });

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, conversationUpdate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, installationUpdate)).StatusCode);

        var welcome = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        await SettleAsync();
        Assert.Single(Connector.Requests);
        Assert.Equal($"/amer/tenant-1/v3/conversations/{Escaped("***")}/activities", welcome.RawTarget);
        var card = CardOf(welcome);
        Assert.Equal(lang, card.GetProperty("lang").GetString());
        Assert.Contains(greeting, Readable(card));
        AssertValidCards(("welcome-" + lang, card));
    }

    [Fact]
    public async Task A_welcome_drawn_before_the_persons_language_was_known_is_redrawn_in_it()
    {
        // Teams' conversationUpdate carries no locale, its installationUpdate does, and either may come first.
        var bot = StartBot(); // ServiceDesk:DefaultLocale es-ES
        await PostAsync(bot, Activity(PersonalInstall));
        var welcome = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        Assert.Equal("es", CardOf(welcome).GetProperty("lang").GetString());

        await PostAsync(bot, Activity(PersonalInstall, a =>
        {
            a["type"] = "installationUpdate";
            a["id"] = "f:install-2";
            a["action"] = "add";
            a["locale"] = "en-US";
            a.Remove("membersAdded");
        }));

        var redrawn = (await Connector.WaitForDeliveriesAsync(2))[1];
        Assert.Equal("PUT", redrawn.Method);
        Assert.EndsWith("/activities/msg-1", redrawn.RawTarget); // the fake connector's id of the welcome
        var card = CardOf(redrawn);
        Assert.Equal("en", card.GetProperty("lang").GetString());
        AssertValidCards(("welcome-redrawn", card));
        await SettleAsync();
        Assert.Equal(2, Connector.Requests.Count);
    }

    [Fact]
    public async Task Without_a_locale_the_welcome_is_in_the_desks_default_language()
    {
        var bot = StartBot(); // ServiceDesk:DefaultLocale es-ES

        await PostAsync(bot, Activity(PersonalInstall));

        var card = CardOf(Assert.Single(await Connector.WaitForDeliveriesAsync(1)));
        Assert.Equal("es", card.GetProperty("lang").GetString());
    }

    [Fact]
    public async Task Adding_the_bot_to_a_team_posts_the_team_welcome_with_the_support_groups()
    {
        var bot = StartBot();

        await PostAsync(bot, Activity("installationUpdate_add_team_channel"));
        await PostAsync(bot, Activity("conversationUpdate_membersAdded_bot_added_to_team"));

        var welcome = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        await SettleAsync();
        Assert.Single(Connector.Requests);
        Assert.Equal($"/amer/tenant-1/v3/conversations/{Escaped("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2")}/activities", welcome.RawTarget);
        var card = CardOf(welcome);
        Assert.Equal("en", card.GetProperty("lang").GetString());
        Assert.Contains("TestTeam2022", card.GetRawText());
        Assert.Contains("registerTriageChannel", card.GetRawText());
        AssertValidCards(("team-welcome", card));
    }

    [Fact]
    public async Task An_Execute_click_without_a_verb_gets_a_card_saying_it_is_out_of_date()
    {
        var bot = StartBot();

        var response = await PostAsync(bot, Activity(ExecuteInvoke));

        var card = AssertInvokeCard(response, await response.Content.ReadAsStringAsync());
        Assert.Equal("en", card.GetProperty("lang").GetString());
        Assert.Contains("This card is out of date", Readable(card));
        AssertValidCards(("out-of-date", card));
        await SettleAsync();
        Assert.Empty(Connector.Requests); // the answer is the invoke response
    }

    [Fact]
    public async Task An_Execute_click_on_help_is_answered_with_the_help_card_and_a_redelivery_gets_the_same_answer()
    {
        var bot = StartBot();
        var invoke = Activity(ExecuteInvoke, a => a["value"]!["action"]!["verb"] = "help");

        var response = await PostAsync(bot, invoke);
        var body = await response.Content.ReadAsStringAsync();

        var card = AssertInvokeCard(response, body);
        Assert.Contains("How I can help", Readable(card));
        AssertValidCards(("help-invoke", card));
        var again = await PostAsync(StartBot(), invoke); // another instance gets the redelivery
        Assert.Equal(body, await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("doStuff", null, "This card is out of date")]
    [InlineData("showTicket", """{"ticketId":"not-a-guid"}""", "This card is out of date")]
    public async Task An_Execute_click_the_bot_cannot_read_gets_a_clear_message(string verb, string? data, string expected)
    {
        var bot = StartBot();
        var invoke = Activity(ExecuteInvoke, a =>
        {
            a["value"]!["action"]!["verb"] = verb;
            if (data is not null) a["value"]!["action"]!["data"] = JsonNode.Parse(data);
        });

        Assert.StartsWith(expected, await InvokeMessageAsync(await PostAsync(bot, invoke)));
    }

    [Theory]
    [InlineData("en-US", "This action is not available yet.")]
    [InlineData("es-ES", "Esta acción aún no está disponible.")]
    public async Task An_Execute_click_on_a_verb_nothing_handles_yet_says_so_in_the_readers_language(string locale, string expected)
    {
        // Verbs get their handlers with their features; until then the click is answered, not ignored.
        var bot = StartBot(configure: services => services.RemoveAll<ICardActionHandler<RegisterTriageChannel>>());
        var invoke = Activity(ExecuteInvoke, a =>
        {
            a["locale"] = locale;
            a["value"]!["action"]!["verb"] = "registerTriageChannel";
            a["value"]!["action"]!["data"] = JsonNode.Parse("""{"group":"network"}""");
        });

        Assert.StartsWith(expected, await InvokeMessageAsync(await PostAsync(bot, invoke)));
    }

    private static async Task<string> InvokeMessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        return body.GetProperty("value").GetString()!;
    }

    [Fact]
    public async Task A_Submit_click_on_help_updates_the_card_message_in_place()
    {
        var bot = StartBot();
        var submit = Activity("message_with_value_messageBack_card_action", a =>
        {
            a["value"] = JsonNode.Parse("""{"verb":"help"}""");
            a["locale"] = "es-ES";
        });

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, submit)).StatusCode);

        var update = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.Equal($"/amer/tenant-1/v3/conversations/{Escaped(ConversationOf("message_with_value_messageBack_card_action"))}/activities/1575667808184",
            update.RawTarget);
        Assert.Equal("1575667808184", update.Json.GetProperty("id").GetString());
        var card = CardOf(update);
        Assert.Equal("es", card.GetProperty("lang").GetString());
        AssertValidCards(("help-submit-es", card));
    }

    [Fact]
    public async Task A_Submit_click_the_bot_cannot_read_is_answered_with_a_message()
    {
        var bot = StartBot();

        await PostAsync(bot, Activity("message_action_submit_value_SYNTHETIC_agents-sdk-fixture"));

        var reply = Assert.Single(await Connector.WaitForDeliveriesAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.StartsWith("This card is out of date", reply.Json.GetProperty("text").GetString());
    }

    private static JsonElement AssertInvokeCard(HttpResponseMessage response, string body)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(200, json.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", json.GetProperty("type").GetString());
        return json.GetProperty("value");
    }
}
