using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Storage;
using ServiceDesk.Storage.Outbox;

namespace ServiceDesk.Tests.Storage;

// The dispatchers' side of the outbox: claims (leases), per-destination order, backlog, the wake-up signal.
public abstract partial class StorageContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private async Task<OutboxMessage[]> EnqueueAsync(params (string Destination, string Payload, DateTimeOffset At)[] messages)
    {
        var created = messages.Select(m => new OutboxMessage(Guid.NewGuid(), m.Destination, OutboxOperation.Send, m.Payload, m.At)).ToArray();
        await using var uow = Begin();
        foreach (var m in created) uow.Outbox.Enqueue(m);
        await uow.SaveAsync();
        return created;
    }

    private async Task<List<string>> ClaimPayloadsAsync(DateTimeOffset now, int max = 10)
    {
        await using var uow = Begin();
        var claim = await uow.OutboxQueue.ClaimAsync(now, Lease, max);
        var payloads = new List<string>();
        foreach (var id in claim.MessageIds) payloads.Add((await uow.OutboxStore.FindAsync(id))!.Payload);
        return payloads;
    }

    [StorageFact]
    public async Task A_claim_takes_only_the_oldest_pending_message_of_each_destination()
    {
        var sent = await EnqueueAsync(("msteams|user|a", "a0", T0));
        await using (var uow = Begin())
        {
            (await uow.OutboxStore.FindAsync(sent[0].Id))!.MarkSent("m0", T0);
            await uow.SaveAsync();
        }
        var queued = await EnqueueAsync(("msteams|user|a", "a1", T0.AddSeconds(1)), ("msteams|user|a", "a2", T0.AddSeconds(1)),
            ("msteams|user|b", "b1", T0.AddSeconds(2)), ("slack|user|c", "c1", T0.AddSeconds(3)));

        Assert.Equal(["a1", "b1", "c1"], await ClaimPayloadsAsync(T0.AddMinutes(1)));
        Assert.Empty(await ClaimPayloadsAsync(T0.AddMinutes(1)));

        await using (var uow = Begin())
        {
            var a1 = (await uow.OutboxStore.FindAsync(queued[0].Id))!;
            a1.MarkSent("m1", T0.AddMinutes(1));
            uow.OutboxQueue.Release(a1);
            await uow.SaveAsync();
        }
        Assert.Equal(["a2"], await ClaimPayloadsAsync(T0.AddMinutes(1)));
    }

    [StorageFact]
    public async Task The_claim_of_a_destinations_next_takes_its_head_in_order_and_only_when_none_of_it_is_leased()
    {
        var a = await EnqueueAsync(("msteams|user|a", "a1", T0), ("msteams|user|a", "a2", T0), ("msteams|user|a", "a3", T0.AddSeconds(1)),
            ("msteams|user|b", "b1", T0));
        async Task<List<string>> NextOfAsync(string destination)
        {
            await using var uow = Begin();
            return (await uow.OutboxQueue.ClaimNextOfAsync(destination, T0.AddMinutes(1), Lease)).Messages.Select(m => m.Payload).ToList();
        }
        async Task SendAsync(Guid id)
        {
            await using var uow = Begin();
            var message = (await uow.OutboxStore.FindAsync(id))!;
            message.MarkSent("m", T0.AddMinutes(1));
            uow.OutboxQueue.Release(message);
            await uow.SaveAsync();
        }

        Assert.Equal(["a1"], await NextOfAsync("msteams|user|a"));
        // a1 is under its lease: nothing else of a, by this claim or the general one; b is not held back.
        Assert.Empty(await NextOfAsync("msteams|user|a"));
        Assert.Equal(["b1"], await ClaimPayloadsAsync(T0.AddMinutes(1)));
        await SendAsync(a[0].Id);
        Assert.Equal(["a2"], await NextOfAsync("msteams|user|a"));
        await SendAsync(a[1].Id);
        Assert.Equal(["a3"], await NextOfAsync("msteams|user|a"));
        await SendAsync(a[2].Id);
        Assert.Empty(await NextOfAsync("msteams|user|a"));
        Assert.Empty(await NextOfAsync("msteams|user|nobody"));
    }

    [StorageFact]
    public async Task A_message_committed_late_with_an_older_date_waits_while_a_later_one_of_its_conversation_is_being_sent()
    {
        // Two instances enqueue for one conversation; the unit dated later commits first and its message is claimed.
        var later = await EnqueueAsync(("msteams|user|a", "later", T0.AddSeconds(2)));
        Assert.Equal(["later"], await ClaimPayloadsAsync(T0.AddMinutes(1)));
        var older = await EnqueueAsync(("msteams|user|a", "older", T0.AddSeconds(1)), ("msteams|user|b", "b1", T0.AddSeconds(1)));

        // Not a second send at once in conversation a, by either claim.
        Assert.Equal(["b1"], await ClaimPayloadsAsync(T0.AddMinutes(1)));
        await using (var uow = Begin())
            Assert.Empty((await uow.OutboxQueue.ClaimKnownAsync([older[0]], T0.AddMinutes(1), Lease)).Messages);

        await using (var uow = Begin())
        {
            var sent = (await uow.OutboxStore.FindAsync(later[0].Id))!;
            sent.MarkSent("m1", T0.AddMinutes(1));
            uow.OutboxQueue.Release(sent);
            await uow.SaveAsync();
        }
        Assert.Equal(["older"], await ClaimPayloadsAsync(T0.AddMinutes(1)));
    }

    [StorageFact]
    public async Task A_lapsed_lease_on_a_message_does_not_hold_back_its_conversation()
    {
        await EnqueueAsync(("msteams|user|a", "later", T0.AddSeconds(2)));
        Assert.Equal(["later"], await ClaimPayloadsAsync(T0.AddMinutes(1)));
        await EnqueueAsync(("msteams|user|a", "older", T0.AddSeconds(1)));
        Assert.Empty(await ClaimPayloadsAsync(T0.AddMinutes(1)));
        // The claimer of "later" died: once its lease lapses the conversation's oldest goes first.
        Assert.Equal(["older"], await ClaimPayloadsAsync(T0.AddMinutes(1) + Lease + TimeSpan.FromSeconds(1)));
    }

    [StorageFact]
    public async Task A_message_waiting_for_its_retry_holds_back_the_later_messages_of_its_destination()
    {
        var queued = await EnqueueAsync(("msteams|user|a", "a1", T0), ("msteams|user|a", "a2", T0.AddSeconds(1)), ("msteams|user|b", "b1", T0.AddSeconds(2)));
        await using (var uow = Begin())
        {
            var claim = await uow.OutboxQueue.ClaimAsync(T0.AddSeconds(5), Lease, 10);
            var a1 = (await uow.OutboxQueue.FindClaimedAsync(queued[0].Id, claim.Token))!;
            a1.ScheduleRetry("429", T0.AddMinutes(1));
            uow.OutboxQueue.Release(a1);
            await uow.SaveAsync();
        }
        Assert.Equal(new DateTimeOffset?(T0.AddSeconds(1)), await NextDueAsync()); // a2 and b1 are due (b1 is still leased)
        Assert.Empty(await ClaimPayloadsAsync(T0.AddSeconds(30)));
        Assert.Equal(["a1"], await ClaimPayloadsAsync(T0.AddMinutes(1)));

        async Task<DateTimeOffset?> NextDueAsync()
        {
            await using var uow = Begin();
            return (await uow.OutboxQueue.NextDueAsync())?.ToOffset(TimeSpan.Zero);
        }
    }

    [StorageFact]
    public async Task A_claim_holds_until_its_lease_lapses_and_then_another_dispatcher_takes_over()
    {
        var queued = await EnqueueAsync(("msteams|user|a", "a1", T0));
        await using var first = Begin();
        var firstClaim = await first.OutboxQueue.ClaimAsync(T0, Lease, 10);
        Assert.Equal([queued[0].Id], firstClaim.MessageIds);
        Assert.Empty(await ClaimPayloadsAsync(T0 + Lease - TimeSpan.FromSeconds(1)));

        await using var second = Begin();
        var secondClaim = await second.OutboxQueue.ClaimAsync(T0 + Lease, Lease, 10);
        Assert.Equal([queued[0].Id], secondClaim.MessageIds);
        Assert.NotEqual(firstClaim.Token, secondClaim.Token);

        // The dispatcher that lost its lease finds nothing to record a result on.
        Assert.Null(await first.OutboxQueue.FindClaimedAsync(queued[0].Id, firstClaim.Token));
        var message = (await second.OutboxQueue.FindClaimedAsync(queued[0].Id, secondClaim.Token))!;
        message.MarkSent("m1", T0 + Lease);
        second.OutboxQueue.Release(message);
        await second.SaveAsync();
        Assert.Empty(await ClaimPayloadsAsync(T0.AddHours(1)));
    }

    [StorageFact]
    public async Task Dispatchers_claiming_at_once_never_get_the_same_message()
    {
        await EnqueueAsync(Enumerable.Range(0, 30).Select(i => ($"msteams|user|{i}", $"m{i}", T0.AddMilliseconds(i))).ToArray());

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var uow = Begin();
            return (await uow.OutboxQueue.ClaimAsync(T0.AddMinutes(1), Lease, 10)).MessageIds;
        }));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(30, all.Count);
    }

    [StorageFact]
    public async Task Backlog_counts_pending_failed_and_unreachable_messages()
    {
        await using (var uow = Begin())
            Assert.Equal(new OutboxBacklog(0, null, 0, 0, null), await uow.OutboxQueue.BacklogAsync());

        var queued = await EnqueueAsync(("d|1", "p1", T0), ("d|2", "p2", T0.AddMinutes(1)), ("d|3", "sent", T0.AddMinutes(2)),
            ("d|4", "failed", T0.AddMinutes(3)), ("d|5", "gone", T0.AddMinutes(4)));
        await using (var uow = Begin())
        {
            (await uow.OutboxStore.FindAsync(queued[2].Id))!.MarkSent(null, T0);
            (await uow.OutboxStore.FindAsync(queued[3].Id))!.MarkFailed("400");
            (await uow.OutboxStore.FindAsync(queued[4].Id))!.MarkUnreachable("MessageWritesBlocked");
            await uow.SaveAsync();
        }
        await using var read = Begin();
        var backlog = await read.OutboxQueue.BacklogAsync();
        Assert.Equal((2, 1, 1), (backlog.Pending, backlog.Failed, backlog.Unreachable));
        Assert.Equal(T0, backlog.OldestPendingAt);
        Assert.Equal(T0.AddMinutes(3), backlog.LastFailureAt);
        Assert.Equal(T0, await read.OutboxQueue.NextDueAsync());
    }

    [StorageFact]
    public async Task The_signal_comes_after_a_commit_that_enqueued_and_only_then()
    {
        var signal = new CountingOutboxSignal();
        await using var services = new ServiceCollection().AddSingleton<IOutboxSignal>(signal).AddServiceDeskStorage(Options).BuildServiceProvider();

        await using (var scope = services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskContext>();
            var message = new OutboxMessage(Guid.NewGuid(), "d|1", OutboxOperation.Send, "hi", T0);
            outbox.Enqueue(message);
            signal.OnSignal = () => signal.VisibleAtSignal = Visible(services, message.Id);
            await db.SaveChangesAsync();
            Assert.Equal(1, signal.Count);
            Assert.True(signal.VisibleAtSignal);

            db.Tickets.Add(NewTicket());
            await db.SaveChangesAsync();
            Assert.Equal(1, signal.Count);
        }
        await using (var uow = Begin())
        {
            uow.ProcessedActivities.Record(new ProcessedActivity("msteams", "f:1", T0));
            await uow.SaveAsync();
        }
        await using (var scope = services.CreateAsyncScope())
        {
            // A duplicate delivery rolls back: its messages were never committed, so no signal.
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new OutboxMessage(Guid.NewGuid(), "d|1", OutboxOperation.Send, "again", T0));
            scope.ServiceProvider.GetRequiredService<IProcessedActivities>().Record(new ProcessedActivity("msteams", "f:1", T0));
            await Assert.ThrowsAsync<DuplicateActivityException>(() => scope.ServiceProvider.GetRequiredService<ServiceDeskContext>().SaveChangesAsync());
            Assert.Equal(1, signal.Count);
        }
    }

    private static bool Visible(IServiceProvider services, Guid id)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IOutboxStore>().FindAsync(id).GetAwaiter().GetResult() is not null;
    }

    private sealed class CountingOutboxSignal : IOutboxSignal
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public Action? OnSignal { get; set; }
        public bool VisibleAtSignal { get; set; }

        public void MessagesEnqueued()
        {
            Interlocked.Increment(ref _count);
            OnSignal?.Invoke();
        }
    }
}
