using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceDesk.Bot.Channels.Teams.Activities;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

public sealed class TeamsActivityTranslatorTests
{
    public static readonly TheoryData<string, TurnKind> OracleKinds = new()
    {
        { "conversationUpdate_membersAdded_bot_added_to_team", TurnKind.Installed },
        { "conversationUpdate_membersAdded_personal_chat", TurnKind.Installed },
        { "installationUpdate_add_team_channel", TurnKind.Installed },
        { "invoke_adaptiveCard_action_Action.Execute_personal", TurnKind.CardAction },
        { "messageReaction_reactionsAdded_like", TurnKind.Ignored },
        { "message_action_submit_value_SYNTHETIC_agents-sdk-fixture", TurnKind.CardAction },
        { "message_channel_with_mention_thread_reply", TurnKind.Message },
        { "message_personal_chat", TurnKind.Message },
        { "message_with_value_messageBack_card_action", TurnKind.CardAction },
    };

    [Fact]
    public void Every_oracle_activity_is_covered()
    {
        var covered = OracleKinds.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        Assert.Equal(OracleActivities.Names, covered);
    }

    [Theory]
    [MemberData(nameof(OracleKinds))]
    public void Oracle_activity_is_parsed_and_routed(string name, TurnKind expected)
    {
        var turn = Translate(OracleActivities.Read(name));

        Assert.Equal(expected, turn.Kind);
        Assert.Equal("msteams", turn.ChannelId);
        Assert.False(string.IsNullOrEmpty(turn.Conversation.ConversationId));
        Assert.StartsWith("https://smba.trafficmanager.net/", turn.Conversation.ServiceUrl);
        Assert.False(string.IsNullOrEmpty(turn.From.Id));
    }

    [Fact]
    public void Personal_message()
    {
        var turn = Translate(OracleActivities.Read("message_personal_chat"));

        Assert.Equal("Hello Teams TestBot", turn.Text);
        Assert.Equal("1485983408511", turn.ActivityId);
        Assert.Equal(ConversationType.Personal, turn.Conversation.ConversationType);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", turn.Conversation.TenantId);
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", turn.Conversation.BotId);
        Assert.Equal(new TurnUser("29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
            "Megan Bowen", "7faf8ab2-3d56-4244-b585-20c8a42ed2b8"), turn.From);
        Assert.Equal("en-US", turn.Locale);
        Assert.Equal("America/Los_Angeles", turn.TimeZone); // only in the clientInfo entity here
        Assert.False(turn.ExpectsInvokeResponse);
        Assert.Null(turn.Action);
    }

    [Fact]
    public void Channel_message_has_the_bot_mention_stripped_using_the_entity()
    {
        var turn = Translate(OracleActivities.Read("message_channel_with_mention_thread_reply"));

        Assert.Equal("reply to thread", turn.Text);
        Assert.Empty(turn.Mentions);
        Assert.Equal(ConversationType.Channel, turn.Conversation.ConversationType);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", turn.Conversation.ConversationId);
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", turn.Conversation.TenantId);
        Assert.Equal("19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2", turn.Conversation.TeamId);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2", turn.Conversation.TeamChannelId);
        Assert.Equal("b15a9416-0ad3-4172-9210-7beb711d3f70", turn.From.AadObjectId);
    }

    [Fact]
    public void Mentions_of_people_keep_their_name_and_are_listed()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("message_channel_with_mention_thread_reply"))!.AsObject();
        activity["text"] = "<at>ridotest</at> assign to <at>Ana García</at>  please";
        activity["entities"]!.AsArray().Add(JsonNode.Parse(
            """{"type":"mention","text":"<at>Ana García</at>","mentioned":{"id":"29:ana","name":"Ana García"}}"""));

        var turn = Translate(activity.ToJsonString());

        Assert.Equal("assign to Ana García please", turn.Text);
        Assert.Equal([new TurnUser("29:ana", "Ana García", null)], turn.Mentions);
    }

    [Fact]
    public void Mention_text_without_an_entity_is_left_alone()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("message_personal_chat"))!.AsObject();
        activity["text"] = "<at>Someone</at> hi";

        Assert.Equal("<at>Someone</at> hi", Translate(activity.ToJsonString()).Text);
    }

    [Fact]
    public void Captured_Action_Execute_invoke_without_verb()
    {
        var turn = Translate(OracleActivities.Read("invoke_adaptiveCard_action_Action.Execute_personal"));

        Assert.True(turn.ExpectsInvokeResponse);
        Assert.Equal("1767765488332", turn.ReplyToId);
        var action = Assert.IsType<CardAction>(turn.Action);
        Assert.Null(action.Verb);
        Assert.Equal(CardActionSource.Execute, action.Source);
        Assert.False(action.IsRefresh);
        Assert.Equal("test invokes", action.Data.GetProperty("feedback").GetString());
        Assert.Equal("56653e9d-2158-46ee-90d7-675c39642038", turn.Conversation.TenantId);
        Assert.Equal(ConversationType.Personal, turn.Conversation.ConversationType);
        Assert.Equal("en-US", turn.Locale);
        Assert.Equal("America/Los_Angeles", turn.TimeZone); // localTimezone
    }

    [Fact]
    public void Action_Execute_with_verb_and_automatic_refresh()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("invoke_adaptiveCard_action_Action.Execute_personal"))!.AsObject();
        activity["value"]!["action"]!["verb"] = "ticket.claim";
        activity["value"]!["trigger"] = "automatic";

        var action = Translate(activity.ToJsonString()).Action!;

        Assert.Equal("ticket.claim", action.Verb);
        Assert.True(action.IsRefresh);
    }

    [Fact]
    public void Action_Execute_without_verb_takes_the_verb_from_its_data()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("invoke_adaptiveCard_action_Action.Execute_personal"))!.AsObject();
        activity["value"]!["action"]!["data"]!["verb"] = "ticket.resolve";

        Assert.Equal("ticket.resolve", Translate(activity.ToJsonString()).Action!.Verb);
    }

    [Fact]
    public void Action_Submit_arrives_as_a_message_with_value()
    {
        var turn = Translate(OracleActivities.Read("message_action_submit_value_SYNTHETIC_agents-sdk-fixture"));

        var action = Assert.IsType<CardAction>(turn.Action);
        Assert.Equal(CardActionSource.Submit, action.Source);
        Assert.Equal("doStuff", action.Verb);
        Assert.Equal("hello", action.Data.GetProperty("usertext").GetString());
        Assert.Equal("activity123", turn.ReplyToId);
        Assert.False(turn.ExpectsInvokeResponse);
        Assert.Equal("tenant6d4", turn.Conversation.TenantId);
    }

    [Fact]
    public void MessageBack_keeps_its_text_and_value()
    {
        var turn = Translate(OracleActivities.Read("message_with_value_messageBack_card_action"));

        Assert.Equal("User just clicked the MessageBack button", turn.Text);
        Assert.Null(turn.Action!.Verb);
        Assert.Equal("propertyValue", turn.Action.Data.GetProperty("property").GetString());
        Assert.Equal("1575667808184", turn.ReplyToId);
        // No conversationType in this older payload: the channel in channelData tells.
        Assert.Equal(ConversationType.Channel, turn.Conversation.ConversationType);
        Assert.Equal("bec8e231-67ad-484e-87f4-3e5438390a77", turn.Conversation.TenantId);
    }

    [Fact]
    public void Bot_added_to_a_team()
    {
        var turn = Translate(OracleActivities.Read("conversationUpdate_membersAdded_bot_added_to_team"));

        Assert.Empty(turn.MembersAdded);
        Assert.Equal("19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2", turn.Conversation.TeamId);
        Assert.Equal(ConversationType.Channel, turn.Conversation.ConversationType);
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", turn.Conversation.TenantId);
    }

    [Fact]
    public void Bot_added_to_a_personal_chat_lists_the_person()
    {
        var turn = Translate(OracleActivities.Read("conversationUpdate_membersAdded_personal_chat"));

        Assert.Equal([new TurnUser("29:<userID>", null, "***")], turn.MembersAdded);
        Assert.Equal("<TENANT ID>", turn.Conversation.TenantId);
    }

    [Fact]
    public void People_added_to_a_team_the_bot_is_in()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("conversationUpdate_membersAdded_bot_added_to_team"))!.AsObject();
        activity["membersAdded"] = JsonNode.Parse("""[{"id":"29:new-person","aadObjectId":"aad-new"}]""");

        var turn = Translate(activity.ToJsonString());

        Assert.Equal(TurnKind.MembersAdded, turn.Kind);
        Assert.Equal([new TurnUser("29:new-person", null, "aad-new")], turn.MembersAdded);
    }

    [Fact]
    public void Bot_removed_from_a_team_is_uninstalled()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("conversationUpdate_membersAdded_bot_added_to_team"))!.AsObject();
        activity["membersRemoved"] = activity["membersAdded"]!.DeepClone();
        activity.Remove("membersAdded");

        Assert.Equal(TurnKind.Uninstalled, Translate(activity.ToJsonString()).Kind);
    }

    [Theory]
    [InlineData("add", TurnKind.Installed)]
    [InlineData("add-upgrade", TurnKind.Installed)]
    [InlineData("remove", TurnKind.Uninstalled)]
    [InlineData("remove-upgrade", TurnKind.Uninstalled)]
    [InlineData("something-new", TurnKind.Ignored)]
    public void Installation_update_actions(string action, TurnKind expected)
    {
        var activity = JsonNode.Parse(OracleActivities.Read("installationUpdate_add_team_channel"))!.AsObject();
        activity["action"] = action;

        var turn = Translate(activity.ToJsonString());

        Assert.Equal(expected, turn.Kind);
        Assert.Equal("19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2", turn.Conversation.TeamChannelId);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("messageUpdate")]
    [InlineData("endOfConversation")]
    [InlineData("somethingFromTheFuture")]
    public void Other_activity_types_are_ignored(string type)
    {
        var activity = JsonNode.Parse(OracleActivities.Read("message_personal_chat"))!.AsObject();
        activity["type"] = type;

        Assert.Equal(TurnKind.Ignored, Translate(activity.ToJsonString()).Kind);
    }

    [Fact]
    public void Other_invokes_are_ignored_but_still_expect_an_answer()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("invoke_adaptiveCard_action_Action.Execute_personal"))!.AsObject();
        activity["name"] = "task/fetch";

        var turn = Translate(activity.ToJsonString());

        Assert.Equal(TurnKind.Ignored, turn.Kind);
        Assert.True(turn.ExpectsInvokeResponse);
    }

    [Fact]
    public void Unknown_fields_are_tolerated()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("message_personal_chat"))!.AsObject();
        activity["somethingNew"] = JsonNode.Parse("""{"nested":[1,2,3]}""");
        activity["channelData"]!["futureFlag"] = true;
        activity["entities"]!.AsArray().Add(JsonNode.Parse("""{"type":"https://schema.org/Message","@context":"x"}"""));

        Assert.Equal("Hello Teams TestBot", Translate(activity.ToJsonString()).Text);
    }

    [Theory]
    [InlineData("type", "'type'")]
    [InlineData("channelId", "'channelId'")]
    [InlineData("serviceUrl", "'serviceUrl'")]
    [InlineData("conversation", "'conversation.id'")]
    [InlineData("from", "'from.id'")]
    public void Missing_required_fields_are_reported(string field, string reason)
    {
        var activity = JsonNode.Parse(OracleActivities.Read("message_personal_chat"))!.AsObject();
        activity.Remove(field);

        var result = TeamsActivityTranslator.Translate(Parse(activity.ToJsonString()));

        Assert.Null(result.Turn);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void Card_action_invoke_without_action_is_malformed()
    {
        var activity = JsonNode.Parse(OracleActivities.Read("invoke_adaptiveCard_action_Action.Execute_personal"))!.AsObject();
        activity["value"] = JsonNode.Parse("""{"trigger":"manual"}""");

        Assert.Contains("value.action", TeamsActivityTranslator.Translate(Parse(activity.ToJsonString())).Error);
    }

    internal static InboundActivity Parse(string json) =>
        JsonSerializer.Deserialize(json, TeamsJsonContext.Default.InboundActivity)!;

    private static Turn Translate(string json)
    {
        var result = TeamsActivityTranslator.Translate(Parse(json));
        Assert.Null(result.Error);
        return result.Turn!;
    }
}
