using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Storage;

// Numbering a ticket before the save, so the messages saved with it can name it.
public abstract partial class StorageContractTests
{
    [StorageFact]
    public async Task A_ticket_numbered_early_keeps_its_number_and_commits_with_its_messages()
    {
        await CreateTicketAsync(); // INC-000001
        var ticket = NewTicket();
        await using (var uow = Begin())
        {
            await uow.Tickets.AddNumberedAsync(ticket);
            Assert.Equal("INC-000002", ticket.Number.ToString());
            uow.Outbox.Enqueue(new OutboxMessage(Guid.NewGuid(), "conv-1", OutboxOperation.Send, $"registered {ticket.Number}", T0));
            await uow.SaveAsync();
        }

        await using var read = Begin();
        Assert.NotNull(await read.Tickets.FindByNumberAsync(TicketNumber.Parse("INC-000002")));
        Assert.Contains(await read.OutboxStore.DueAsync(T0.AddMinutes(1), 10), m => m.Payload == "registered INC-000002");
    }

    [StorageFact]
    public async Task An_early_number_is_given_back_when_the_save_fails_or_never_happens()
    {
        await using (var uow = Begin())
        {
            uow.Roster.Add(new Person("eva", "Eva", "", Role.Agent, []));
            await uow.SaveAsync();
        }
        var failed = NewTicket();
        await using (var uow = Begin())
        {
            await uow.Tickets.AddNumberedAsync(failed);
            uow.Roster.Add(new Person("eva", "Eva again", "", Role.Agent, [])); // primary key violation
            await Assert.ThrowsAsync<DbUpdateException>(() => uow.SaveAsync());
            Assert.False(failed.HasNumber);
        }
        await using (var abandoned = Begin())
            await abandoned.Tickets.AddNumberedAsync(NewTicket()); // disposed without saving

        var next = await CreateTicketAsync();
        Assert.Equal(1, next.Sequence);
    }

    [StorageFact]
    public async Task Early_and_late_numbering_in_parallel_stay_gapless()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var uow = Begin();
            var ticket = NewTicket(at: T0.AddSeconds(i));
            if (i % 2 == 0) await uow.Tickets.AddNumberedAsync(ticket);
            else uow.Tickets.Add(ticket);
            await uow.SaveAsync();
            return ticket;
        }));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), tickets.Select(t => t.Sequence).Order());
    }
}
