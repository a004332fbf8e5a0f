using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Outages;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.AgentDesk.Support;
using ServiceDesk.Tests.Cards;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Outages;

/// <summary>
/// Outage notices through the whole bot: declared through the admin API or the coordinator's card,
/// fanned out to people's personal chats through the outbox and the fake Bot Connector, edited in place
/// by updates and the end, "I'm affected" from the notice.
/// </summary>
public sealed class OutageNoticeTests : DeskTest
{
    // The desk's people who opened a chat with the bot (DeskTest): six write Spanish, two English.
    private static readonly TestUser[] Everyone = [Ana, Pablo, Luis, Marta, Carmen, Olga, Megan, Jorge];

    private static object Declaration(string audience = "everyone", DateTimeOffset? startsAt = null, string service = "vpn") => new
    {
        service,
        title = Title,
        message = "No se puede conectar a la VPN desde las 9:00. Estamos en ello.",
        severity = "major",
        audience,
        startsAt,
    };

    internal async Task<Guid> DeclareAsync(object body)
    {
        var response = await Admin().PostAsJsonAsync("/api/outages", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var outage = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return outage.GetProperty("id").GetGuid();
    }

    internal async Task<JsonElement> OutageAsync(Guid id)
    {
        var response = await Admin().GetAsync($"/api/outages/{id}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> EventuallyAsync(Guid id, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var outage = await OutageAsync(id);
            if (done(outage)) return outage;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: {outage}");
            await Task.Delay(50);
        }
    }

    private const string Title = "VPN caída en Madrid";

    /// <summary>The connector's requests to this person's chat that carry the outage's notice (by its title: an ended notice has no button with its id).</summary>
    private List<FakeBotConnector.RecordedRequest> NoticesTo(TestUser user, string method) =>
        Connector.Delivered.Where(r => r.Method == method && IsTo(r, user.PersonalChat) && r.Body.Contains(JsonSerializer.Serialize(Title)[1..^1], StringComparison.Ordinal)).ToList();

    private static bool Spanish(TestUser user) => user.Locale.StartsWith("es", StringComparison.Ordinal);

    private async Task<string?> SentIdAsync(TestUser user, Guid outageId)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var key = ConversationReference.KeyFor("msteams", ConversationType.Personal, null, user.Id);
        return await scope.ServiceProvider.GetRequiredService<IOutboxStore>().SentMessageIdAsync(OutageNotices.NoticeKey(outageId, key));
    }

    [Fact]
    public async Task Everyone_gets_the_notice_once_in_their_language_and_updates_and_the_end_edit_that_same_message()
    {
        await StartDeskAsync();
        var id = await DeclareAsync(Declaration());

        var published = await EventuallyAsync(id, o => o.GetProperty("progress").GetProperty("sent").GetInt32() == Everyone.Length, "all sent");
        Assert.Equal("Active", published.GetProperty("status").GetString());
        Assert.Equal(Everyone.Length, published.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal(0, published.GetProperty("progress").GetProperty("pending").GetInt32());
        foreach (var user in Everyone)
        {
            var notice = Assert.Single(NoticesTo(user, "POST"));
            var words = Words(CardIn(notice));
            Assert.Contains(Spanish(user) ? "Caída del servicio · VPN y acceso remoto" : "Service outage · VPN and remote access", words);
            Assert.Contains(Spanish(user) ? "Me afecta" : "I'm affected", words);
            // The coordinator's words as they wrote them, for everyone.
            Assert.Contains("No se puede conectar a la VPN desde las 9:00. Estamos en ello.", words);
        }

        var update = await Admin().PatchAsJsonAsync($"/api/outages/{id}", new { update = "Causa identificada: certificado caducado." });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        foreach (var user in Everyone)
            await DeliveredAsync(user.PersonalChat, "PUT", "Causa identificada: certificado caducado.");
        var end = await Admin().PatchAsJsonAsync($"/api/outages/{id}", new { update = "Restablecido.", end = true });
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        foreach (var user in Everyone)
        {
            var ended = await DeliveredAsync(user.PersonalChat, "PUT", "Restablecido.");
            var words = Words(CardIn(ended));
            Assert.Contains(Spanish(user) ? "Terminado desde" : "Over since", words);
            Assert.DoesNotContain(Spanish(user) ? "Me afecta" : "I'm affected", words);
        }

        await SettleAsync();
        foreach (var user in Everyone)
        {
            // One message per person, edited twice in place: the PUTs go to the activity the POST created.
            Assert.Single(NoticesTo(user, "POST"));
            var edits = NoticesTo(user, "PUT");
            Assert.Equal(2, edits.Count);
            var sentId = await SentIdAsync(user, id);
            Assert.NotNull(sentId);
            Assert.All(edits, e => Assert.EndsWith($"/activities/{sentId}", Uri.UnescapeDataString(e.RawTarget)));
        }
        Assert.Equal(Everyone.Length, Everyone.Select(u => SentIdAsync(u, id).Result).Distinct().Count());
        Assert.Equal("Ended", (await OutageAsync(id)).GetProperty("status").GetString());
        AssertCardsValid(DeliveredCards());
    }

    [Fact]
    public async Task Pressing_I_am_affected_twice_links_one_incident_to_the_major_incident_declared_on_the_first_press()
    {
        await StartDeskAsync();
        var id = await DeclareAsync(Declaration());
        await EventuallyAsync(id, o => o.GetProperty("progress").GetProperty("sent").GetInt32() == Everyone.Length, "all sent");
        var press = new JsonObject { ["verb"] = "imAffected", ["outageId"] = id.ToString() };

        var first = await ClickAsync(Megan, press);
        var second = await ClickAsync(Megan, press);
        var third = await ClickAsync(Jorge, press);

        var major = (await OutageAsync(id)).GetProperty("majorIncident").GetString()!;
        Assert.StartsWith("INC-", major);
        Assert.Contains($"linked you to incident {major}", Words(first.Card));
        Assert.Contains($"linked you to incident {major}", Words(second.Card));
        Assert.Contains($"vinculado a la incidencia {major}", Words(third.Card));
        Assert.Equal(2, (await OutageAsync(id)).GetProperty("affected").GetInt32());

        var majorTicket = await TicketAsync(major);
        Assert.True(majorTicket.GetProperty("major").GetBoolean());
        Assert.Equal("P1", majorTicket.GetProperty("priority").GetString());
        Assert.Equal("network-l2", majorTicket.GetProperty("group").GetString()); // the VPN's owner group
        await using var scope = Bot.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<ITicketRepository>();
        var megans = await tickets.QueryAsync(new TicketQuery(RequesterKey: Megan.Aad));
        var linked = Assert.Single(megans, t => t.MajorIncidentId is not null);
        Assert.Equal(major, (await tickets.FindAsync(linked.MajorIncidentId!.Value))!.Number.ToString());
        Assert.Single(await tickets.QueryAsync(new TicketQuery(RequesterKey: Jorge.Aad)), t => t.MajorIncidentId == linked.MajorIncidentId);
        // Only one major incident for the outage, however many people pressed.
        Assert.Single(await tickets.QueryAsync(new TicketQuery(Take: 200)), t => t.IsMajor);
        AssertCardsValid(("first", first.Card), ("second", second.Card), ("third", third.Card));
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_counted_unreachable_and_not_retried()
    {
        await StartDeskAsync(new Dictionary<string, string?> { ["Outbox:MaxConcurrentSends"] = "1" });
        await SettleAsync();
        var before = Connector.Requests.Count;
        // The next send is refused for good: whoever it was for blocked the bot.
        Connector.Then(FakeBotConnector.Blocked());
        var id = await DeclareAsync(Declaration());

        var done = await EventuallyAsync(id, o => o.GetProperty("progress").GetProperty("pending").GetInt32() == 0
            && o.GetProperty("progress").GetProperty("total").GetInt32() == Everyone.Length, "every delivery has an outcome");
        var progress = done.GetProperty("progress");
        Assert.Equal((Everyone.Length - 1, 1, 0), (progress.GetProperty("sent").GetInt32(), progress.GetProperty("unreachable").GetInt32(), progress.GetProperty("failed").GetInt32()));
        await SettleAsync();
        Assert.Equal(Everyone.Length, Connector.Requests.Count - before); // one attempt each, no retry

        // An update skips the person who blocked the bot.
        var update = await Admin().PatchAsJsonAsync($"/api/outages/{id}", new { update = "Sigue la caída." });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await SettleAsync();
        await SettleAsync();
        Assert.Equal(Everyone.Length - 1, Connector.Delivered.Count(r => r.Method == "PUT" && r.Body.Contains("Sigue la ca", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_scheduled_notice_survives_a_restart_and_goes_out_once_after_it()
    {
        var settings = new Dictionary<string, string?> { ["Scheduler:MisfireThreshold"] = "00:00:01" };
        await StartDeskAsync(settings);
        await SettleAsync();
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var id = await DeclareAsync(Declaration(startsAt: startsAt));
        Assert.Equal("Scheduled", (await OutageAsync(id)).GetProperty("status").GetString());
        await StopAsync(Bot); // before the start

        await Task.Delay(TimeSpan.FromSeconds(5)); // down past the start and past the misfire threshold
        Assert.All(Everyone, u => Assert.Empty(NoticesTo(u, "POST")));
        Bot = StartBot(new Dictionary<string, string?>(settings) { ["Admin:ApiKey"] = ApiKey });

        var published = await EventuallyAsync(id, o => o.GetProperty("progress").GetProperty("sent").GetInt32() == Everyone.Length, "sent after the restart");
        Assert.True(published.GetProperty("publishedAt").GetDateTimeOffset() >= startsAt.AddSeconds(2));
        await SettleAsync();
        Assert.All(Everyone, u => Assert.Single(NoticesTo(u, "POST")));

        // Another restart sends nothing more.
        await StopAsync(Bot);
        Bot = StartBot(new Dictionary<string, string?>(settings) { ["Admin:ApiKey"] = ApiKey });
        await SettleAsync();
        await SettleAsync();
        Assert.All(Everyone, u => Assert.Single(NoticesTo(u, "POST")));
    }

    [Fact]
    public async Task The_coordinator_declares_from_the_channel_form_and_gets_the_progress_card_others_are_refused()
    {
        await StartDeskAsync();
        await SayInChannelAsync(Carmen, ServiceDeskChannel, "aviso de caída");
        var form = CardIn(await DeliveredAsync(ServiceDeskChannel, "POST", "Declarar una caída o alerta de seguridad"));
        Assert.Contains("VPN y acceso remoto", Words(form));

        var declare = new JsonObject
        {
            ["verb"] = "declareOutage",
            ["declareOutage.service"] = "email",
            ["declareOutage.title"] = "Correo lento",
            ["declareOutage.message"] = "El correo tarda en llegar.",
            ["declareOutage.severity"] = "Minor",
            ["declareOutage.audience"] = "Everyone",
            ["declareOutage.departments"] = "",
            ["declareOutage.startsAt"] = "",
        };
        var refused = await ClickAsync(Ana, declare, ServiceDeskChannel);
        Assert.False(refused.IsCard);
        Assert.DoesNotContain(Connector.Delivered, r => r.Body.Contains("Correo lento", StringComparison.Ordinal));

        var answer = await ClickAsync(Carmen, declare, ServiceDeskChannel);
        Assert.True(answer.IsCard, answer.Value.ToString());
        var words = Words(answer.Card);
        Assert.Contains($"0 enviados / {Everyone.Length} pendientes / 0 fallidos de {Everyone.Length}", words);
        Assert.Contains("Publicar una actualización", words);
        foreach (var user in Everyone)
            await DeliveredAsync(user.PersonalChat, "POST", "Correo lento");

        // From the progress card: an update (coordinators only) reaches everyone's notice; anyone on the desk may redraw the card.
        var outageId = Guid.Parse((string)CardWalk.Clicks(JsonNode.Parse(answer.Card.GetRawText())!.AsObject()).First(c => c.Verb == "refreshOutage").Data["outageId"]!);
        var update = new JsonObject { ["verb"] = "updateOutage", ["outageId"] = outageId.ToString(), ["updateOutage.text"] = "Ya va más rápido." };
        Assert.False((await ClickAsync(Ana, update, ServiceDeskChannel)).IsCard);
        var updated = await ClickAsync(Carmen, update, ServiceDeskChannel);
        Assert.Contains("Última actualización: Ya va más rápido.", Words(updated.Card));
        foreach (var user in Everyone)
            await DeliveredAsync(user.PersonalChat, "PUT", "Ya va más rápido.");
        var redrawn = await ClickAsync(Ana, new JsonObject { ["verb"] = "refreshOutage", ["outageId"] = outageId.ToString() }, ServiceDeskChannel);
        Assert.Contains($"{Everyone.Length} enviados / 0 pendientes / 0 fallidos de {Everyone.Length}", Words(redrawn.Card));
        var ended = await ClickAsync(Carmen, new JsonObject { ["verb"] = "endOutage", ["outageId"] = outageId.ToString(), ["endOutage.text"] = "" }, ServiceDeskChannel);
        Assert.Contains("Terminado", Words(ended.Card));
        Assert.DoesNotContain("Publicar una actualización", Words(ended.Card));

        var badStart = (JsonObject)declare.DeepClone();
        badStart["declareOutage.startsAt"] = "mañana";
        Assert.Contains("fecha y hora", (await ClickAsync(Carmen, badStart, ServiceDeskChannel)).Message);

        AssertCardsValid(("form", form), ("progress", answer.Card), ("updated", updated.Card), ("redrawn", redrawn.Card), ("ended", ended.Card));
    }
}
