using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams.EndToEnd;

/// <summary>What jobs and handlers send on their own: to a person, to a team member with no chat yet, card updates by key.</summary>
public sealed class ProactiveDeliveryTests : EndToEndTest
{
    [Fact]
    public async Task A_person_is_reached_in_their_personal_chat_by_their_Entra_id()
    {
        var bot = StartBot();
        await PostAsync(bot, Activity("message_personal_chat"));
        await Connector.WaitForDeliveriesAsync(1);
        var aad = JsonNode.Parse(OracleActivities.Read("message_personal_chat"))!["from"]!["aadObjectId"]!.GetValue<string>();

        Assert.True(await SendAsync(bot, o => o.SendToPersonAsync("msteams", aad, null, OutboundMessage.FromText("INC-000042 is resolved."))));

        var sent = (await Connector.WaitForDeliveriesAsync(2))[1];
        Assert.Equal($"/amer/tenant-1/v3/conversations/{Escaped(ConversationOf("message_personal_chat"))}/activities", sent.RawTarget);
        Assert.Equal("INC-000042 is resolved.", sent.Json.GetProperty("text").GetString());
        Assert.False(await SendAsync(bot, o => o.SendToPersonAsync("msteams", "someone-else", null, OutboundMessage.FromText("?"))));
    }

    [Fact]
    public async Task A_team_member_who_never_chatted_with_the_bot_gets_a_chat_opened_first()
    {
        var bot = StartBot();
        var joined = Activity("conversationUpdate_membersAdded_bot_added_to_team", a =>
        {
            a["id"] = "f:member-joined";
            a["membersAdded"] = JsonNode.Parse("""[{"id":"29:new-member","aadObjectId":"aad-new-member"}]""");
        });
        await PostAsync(bot, joined);
        await SettleAsync();
        Assert.Empty(Connector.Requests);

        Assert.True(await SendAsync(bot, o => o.SendToPersonAsync("msteams", "aad-new-member", null, OutboundMessage.FromText("Hello"))));
        Assert.True(await SendAsync(bot, o => o.SendToPersonAsync("msteams", "aad-new-member", null, OutboundMessage.FromText("Again"))));

        var requests = await Connector.WaitForDeliveriesAsync(3);
        var create = requests[0];
        Assert.Equal(("POST", "/amer/tenant-1/v3/conversations"), (create.Method, create.RawTarget));
        Assert.Equal("29:new-member", create.Json.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("28:" + BotFrameworkSigningServer.AppId, create.Json.GetProperty("bot").GetProperty("id").GetString());
        Assert.False(create.Json.GetProperty("isGroup").GetBoolean());
        Assert.Equal(create.Json.GetProperty("tenantId").GetString(), create.Json.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        // The chat is remembered: the second message goes straight to it.
        Assert.All(requests.Skip(1), r => Assert.Equal($"/amer/tenant-1/v3/conversations/{Escaped("a:created-personal-chat")}/activities", r.RawTarget));
        await SettleAsync();
        Assert.Equal(3, Connector.Requests.Count);
    }

    [Fact]
    public async Task A_card_sent_under_a_key_is_updated_by_that_key_and_deleted_by_its_id()
    {
        var bot = StartBot();
        await PostAsync(bot, Activity("message_personal_chat"));
        await Connector.WaitForDeliveriesAsync(1);
        var key = ConversationReference.KeyFor("msteams", ConversationType.Personal, null,
            JsonNode.Parse(OracleActivities.Read("message_personal_chat"))!["from"]!["id"]!.GetValue<string>());
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"INC-000042"}]}""")!.AsObject();

        await SendAsync(bot, o => o.Send(new OutboundTarget(key), OutboundMessage.FromCard(card), "card:INC-000042"));
        await SendAsync(bot, o => o.UpdateCorrelated(new OutboundTarget(key), "card:INC-000042", OutboundMessage.FromCard(card)));

        var requests = await Connector.WaitForDeliveriesAsync(3);
        var sentId = "msg-2"; // the fake connector numbers the messages it takes: the reply was msg-1
        Assert.Equal("POST", requests[1].Method);
        Assert.Equal("PUT", requests[2].Method);
        Assert.EndsWith($"/activities/{sentId}", requests[2].RawTarget);

        await SendAsync(bot, o => o.Delete(new OutboundTarget(key), sentId));
        var delete = (await Connector.WaitForDeliveriesAsync(4))[3];
        Assert.Equal("DELETE", delete.Method);
        Assert.EndsWith($"/activities/{sentId}", delete.RawTarget);
    }

    /// <summary>As a job or handler would: in a unit of work, committed, then sent by the dispatcher.</summary>
    private static async Task<T> SendAsync<T>(DeskBot bot, Func<IOutbound, Task<T>> send)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var result = await send(scope.ServiceProvider.GetRequiredService<IOutbound>());
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return result;
    }

    private static Task SendAsync(DeskBot bot, Action<IOutbound> send) =>
        SendAsync(bot, o =>
        {
            send(o);
            return Task.FromResult(true);
        });
}
