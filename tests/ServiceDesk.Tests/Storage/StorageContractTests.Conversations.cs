using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Tests.Storage;

// Conversation references and processed activities (de-duplication of redelivered activities).
public abstract partial class StorageContractTests
{
    private const string Teams = "msteams";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/tenant-1/";

    private static ConversationSighting Personal(string userId = "29:ana", DateTimeOffset? at = null, string? locale = "es-ES") =>
        new(Teams, ConversationType.Personal, "a:chat-" + userId, ServiceUrl, at ?? T0)
        {
            TenantId = "tenant-1",
            BotId = "28:bot",
            BotName = "Mesa de Ayuda",
            UserId = userId,
            UserAadObjectId = "aad-" + userId,
            UserName = "Ana Pérez",
            Locale = locale,
            TimeZone = "America/Los_Angeles",
        };

    private static ConversationSighting TeamChannel(DateTimeOffset? at = null) =>
        new(Teams, ConversationType.Channel, "19:triage@thread.tacv2", ServiceUrl, at ?? T0)
        {
            TenantId = "tenant-1",
            BotId = "28:bot",
            TeamId = "19:team@thread.tacv2",
            TeamName = "IT",
            TeamChannelId = "19:triage@thread.tacv2",
            Locale = "en-US",
        };

    [StorageFact]
    public async Task Conversation_reference_round_trips_every_field()
    {
        await using (var uow = Begin())
        {
            var reference = await uow.Conversations.RecordAsync(Personal());
            Assert.True(reference.RecordInstallation(T0));
            reference.MarkUnreachable("MessageWritesBlocked", T0.AddMinutes(5));
            await uow.Conversations.RecordAsync(TeamChannel());
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var actual = (await uow.Conversations.FindAsync("msteams|user|29:ana"))!;
            Assert.Equal(Teams, actual.ChannelId);
            Assert.Equal(ConversationType.Personal, actual.Type);
            Assert.Equal("a:chat-29:ana", actual.ConversationId);
            Assert.Equal(ServiceUrl, actual.ServiceUrl);
            Assert.Equal("tenant-1", actual.TenantId);
            Assert.Equal("28:bot", actual.BotId);
            Assert.Equal("Mesa de Ayuda", actual.BotName);
            Assert.Equal("29:ana", actual.UserId);
            Assert.Equal("aad-29:ana", actual.UserAadObjectId);
            Assert.Equal("Ana Pérez", actual.UserName);
            Assert.Equal("es-ES", actual.Locale);
            Assert.Equal("America/Los_Angeles", actual.TimeZone);
            AssertUtc(T0, actual.FirstSeenAt);
            AssertUtc(T0, actual.LastSeenAt);
            AssertUtc(T0, actual.InstalledAt!.Value);
            Assert.True(actual.IsUnreachable);
            Assert.Equal("MessageWritesBlocked", actual.UnreachableReason);
            AssertUtc(T0.AddMinutes(5), actual.UnreachableSince!.Value);
            Assert.Null(actual.TeamId);

            var channel = (await uow.Conversations.FindAsync("msteams|channel|19:triage@thread.tacv2"))!;
            Assert.Equal(ConversationType.Channel, channel.Type);
            Assert.Equal("19:team@thread.tacv2", channel.TeamId);
            Assert.Equal("IT", channel.TeamName);
            Assert.Equal("19:triage@thread.tacv2", channel.TeamChannelId);
            Assert.Null(channel.UserId);
            Assert.False(channel.IsUnreachable);
            Assert.Null(channel.InstalledAt);
        }
    }

    [StorageFact]
    public async Task Recording_again_refreshes_the_reference_and_keeps_what_the_activity_does_not_say()
    {
        await using (var uow = Begin())
        {
            (await uow.Conversations.RecordAsync(Personal())).MarkUnreachable("BotDisabledByUser", T0);
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            await uow.Conversations.RecordAsync(Personal(at: T0.AddHours(1), locale: null) with { ServiceUrl = "https://smba.trafficmanager.net/amer/", UserName = null });
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            // A late redelivery of an older activity changes nothing.
            await uow.Conversations.RecordAsync(Personal(at: T0.AddMinutes(30), locale: "en-US"));
            await uow.SaveAsync();
        }
        await using var read = Begin();
        var actual = (await read.Conversations.FindAsync("msteams|user|29:ana"))!;
        Assert.Equal("https://smba.trafficmanager.net/amer/", actual.ServiceUrl);
        Assert.Equal("es-ES", actual.Locale);
        Assert.Equal("Ana Pérez", actual.UserName);
        AssertUtc(T0, actual.FirstSeenAt);
        AssertUtc(T0.AddHours(1), actual.LastSeenAt);
        Assert.False(actual.IsUnreachable); // she wrote again: the block is gone
        Assert.Null(actual.UnreachableReason);
    }

    [StorageFact]
    public async Task Personal_reference_is_found_by_channel_user_id_or_entra_object_id()
    {
        await using (var uow = Begin())
        {
            await uow.Conversations.RecordAsync(Personal("29:ana"));
            await uow.Conversations.RecordAsync(Personal("29:ana-old", at: T0.AddDays(-3)) with { UserAadObjectId = "aad-29:ana" });
            (await uow.Conversations.RecordAsync(Personal("29:ana-blocked", at: T0.AddDays(1)) with { UserAadObjectId = "aad-29:ana" }))
                .MarkUnreachable("MessageWritesBlocked", T0.AddDays(1));
            await uow.Conversations.RecordAsync(Personal("U123") with { ChannelId = "slack", UserAadObjectId = "aad-29:ana" });
            await uow.Conversations.RecordAsync(TeamChannel());
            await uow.SaveAsync();
        }
        await using var read = Begin();
        Assert.Equal("msteams|user|29:ana", (await read.Conversations.FindPersonalAsync(Teams, null, "29:ana"))!.Key);
        // Reachable first, then the most recently seen.
        Assert.Equal("msteams|user|29:ana", (await read.Conversations.FindPersonalAsync(Teams, "aad-29:ana", null))!.Key);
        Assert.Equal("msteams|user|29:ana", (await read.Conversations.FindPersonalAsync(Teams, "aad-29:ana", "29:unknown"))!.Key);
        Assert.Equal("slack|user|U123", (await read.Conversations.FindPersonalAsync("slack", "aad-29:ana", null))!.Key);
        Assert.Null(await read.Conversations.FindPersonalAsync(Teams, "aad-nobody", null));
        Assert.Null(await read.Conversations.FindPersonalAsync(Teams, null, null));

        Assert.Equal(["msteams|user|29:ana", "msteams|user|29:ana-blocked", "msteams|user|29:ana-old", "slack|user|U123"],
            (await read.Conversations.PersonalReferencesAsync()).Select(r => r.Key));
    }

    [StorageFact]
    public async Task A_team_member_without_a_chat_gets_one_when_the_bot_opens_it()
    {
        var member = Personal("29:luis") with { ConversationId = null, IsActivityInConversation = false, Locale = null };
        await using (var uow = Begin())
        {
            await uow.Conversations.RecordAsync(member);
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var reference = (await uow.Conversations.FindPersonalAsync(Teams, "aad-29:luis", null))!;
            Assert.Null(reference.ConversationId);
            reference.OpenPersonalChat("a:opened", "https://smba.trafficmanager.net/emea/other/");
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var reference = (await uow.Conversations.FindAsync("msteams|user|29:luis"))!;
            Assert.Equal("a:opened", reference.ConversationId);
            Assert.Equal("https://smba.trafficmanager.net/emea/other/", reference.ServiceUrl);
            // Being listed again as a member neither forgets the chat nor proves the person reachable.
            Assert.True(await uow.Conversations.MarkUnreachableAsync(reference.Key, "MessageWritesBlocked", T0.AddMinutes(1)));
            await uow.Conversations.RecordAsync(member with { At = T0.AddMinutes(2) });
            Assert.False(await uow.Conversations.MarkUnreachableAsync("msteams|user|29:nobody", "MessageWritesBlocked", T0));
            await uow.SaveAsync();
        }
        await using var read = Begin();
        var actual = (await read.Conversations.FindAsync("msteams|user|29:luis"))!;
        Assert.Equal("a:opened", actual.ConversationId);
        Assert.True(actual.IsUnreachable);
    }

    [StorageFact]
    public async Task Two_turns_creating_the_same_reference_at_once_one_saves_and_the_other_conflicts()
    {
        await using var first = Begin();
        await using var second = Begin();
        Assert.True((await first.Conversations.RecordAsync(Personal())).RecordInstallation(T0));
        Assert.True((await second.Conversations.RecordAsync(Personal())).RecordInstallation(T0));
        second.Outbox.Enqueue(new OutboxMessage(Guid.NewGuid(), "msteams|user|29:ana", OutboxOperation.Send, "welcome", T0));

        await first.SaveAsync();
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync());
        Assert.Equal("conversation msteams|user|29:ana", conflict.RecordKey);

        // The retry sees the installation and does not welcome twice.
        await using var retry = Begin();
        Assert.False((await retry.Conversations.RecordAsync(Personal(at: T0.AddSeconds(1)))).RecordInstallation(T0.AddSeconds(1)));
        Assert.Empty(await retry.OutboxStore.DueAsync(T0.AddHours(1), 10));
    }

    [StorageFact]
    public async Task Two_turns_refreshing_the_same_reference_at_once_one_saves_and_the_other_conflicts()
    {
        await using (var uow = Begin())
        {
            await uow.Conversations.RecordAsync(Personal());
            await uow.SaveAsync();
        }
        await using var first = Begin();
        await using var second = Begin();
        await first.Conversations.RecordAsync(Personal(at: T0.AddMinutes(1)));
        await second.Conversations.RecordAsync(Personal(at: T0.AddMinutes(1), locale: "en-US"));

        await first.SaveAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync());
        await using var read = Begin();
        Assert.Equal("es-ES", (await read.Conversations.FindAsync("msteams|user|29:ana"))!.Locale);
    }

    [StorageFact]
    public async Task Processed_activity_round_trips_with_its_response()
    {
        await using (var uow = Begin())
        {
            uow.ProcessedActivities.Record(new ProcessedActivity(Teams, "f:1", T0, """{"statusCode":200}"""));
            uow.ProcessedActivities.Record(new ProcessedActivity(Teams, "f:2", T0));
            uow.ProcessedActivities.Record(new ProcessedActivity("slack", "f:1", T0));
            await uow.SaveAsync();
        }
        await using var read = Begin();
        var actual = (await read.ProcessedActivities.FindAsync(Teams, "f:1"))!;
        Assert.Equal("""{"statusCode":200}""", actual.Response);
        AssertUtc(T0, actual.ProcessedAt);
        Assert.Null((await read.ProcessedActivities.FindAsync(Teams, "f:2"))!.Response);
        Assert.NotNull(await read.ProcessedActivities.FindAsync("slack", "f:1"));
        Assert.Null(await read.ProcessedActivities.FindAsync(Teams, "f:3"));
    }

    [StorageFact]
    public async Task A_second_delivery_of_a_handled_activity_saves_nothing_and_reads_as_a_duplicate()
    {
        var ticket = NewTicket();
        var reply = new OutboxMessage(Guid.NewGuid(), "msteams|user|29:ana", OutboxOperation.Send, "second reply", T0);
        await using var first = Begin();
        await using var second = Begin();
        Assert.Null(await first.ProcessedActivities.FindAsync(Teams, "f:1"));
        Assert.Null(await second.ProcessedActivities.FindAsync(Teams, "f:1"));
        first.ProcessedActivities.Record(new ProcessedActivity(Teams, "f:1", T0));
        first.Outbox.Enqueue(new OutboxMessage(Guid.NewGuid(), "msteams|user|29:ana", OutboxOperation.Send, "first reply", T0));
        await first.SaveAsync();

        second.ProcessedActivities.Record(new ProcessedActivity(Teams, "f:1", T0.AddSeconds(1)));
        second.Tickets.Add(ticket);
        second.Outbox.Enqueue(reply);
        await second.Conversations.RecordAsync(Personal());
        var duplicate = await Assert.ThrowsAsync<DuplicateActivityException>(() => second.SaveAsync());
        Assert.Equal((Teams, "f:1"), (duplicate.ChannelId, duplicate.ActivityId));

        await using var read = Begin();
        Assert.Null(await read.Tickets.FindAsync(ticket.Id));
        Assert.Null(await read.OutboxStore.FindAsync(reply.Id));
        Assert.Null(await read.Conversations.FindAsync("msteams|user|29:ana"));
        Assert.Single(await read.OutboxStore.DueAsync(T0.AddHours(1), 10));
    }

    [StorageFact]
    public async Task A_failed_unit_of_work_leaves_the_activity_unprocessed_so_the_redelivery_is_handled()
    {
        var ticket = await CreateTicketAsync();
        await using (var stale = Begin())
        await using (var winner = Begin())
        {
            (await stale.Tickets.FindAsync(ticket.Id))!.Claim(Agent, T0.AddMinutes(1));
            (await winner.Tickets.FindAsync(ticket.Id))!.Claim(Specialist, T0.AddMinutes(1));
            await winner.SaveAsync();
            stale.ProcessedActivities.Record(new ProcessedActivity(Teams, "f:9", T0));
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale.SaveAsync());
        }
        await using var read = Begin();
        Assert.Null(await read.ProcessedActivities.FindAsync(Teams, "f:9"));
    }

    [StorageFact]
    public async Task Old_processed_activities_are_forgotten()
    {
        await using (var uow = Begin())
        {
            uow.ProcessedActivities.Record(new ProcessedActivity(Teams, "old", T0));
            uow.ProcessedActivities.Record(new ProcessedActivity(Teams, "edge", T0.AddDays(7)));
            uow.ProcessedActivities.Record(new ProcessedActivity(Teams, "new", T0.AddDays(8)));
            await uow.SaveAsync();
        }
        await using var read = Begin();
        Assert.Equal(1, await read.ProcessedActivities.ForgetBeforeAsync(T0.AddDays(7)));
        Assert.Null(await read.ProcessedActivities.FindAsync(Teams, "old"));
        Assert.NotNull(await read.ProcessedActivities.FindAsync(Teams, "edge"));
        Assert.NotNull(await read.ProcessedActivities.FindAsync(Teams, "new"));
    }
}
