using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Storage;

// Bursts (one offer per burst, kept across restarts) and the window of a service's tickets they read; on both providers.
public abstract partial class StorageContractTests
{
    private static readonly PersonRef BurstCoordinator = new("carmen", "Carmen Vidal");

    [StorageFact]
    public async Task Burst_round_trips_every_field_and_a_stale_version_is_a_conflict()
    {
        var tickets = await CreateBurstTicketsAsync(T0, T0.AddMinutes(3), T0.AddMinutes(7));
        var burst = Burst.Offer(Guid.NewGuid(), "printing", "hardware", tickets.Select(BurstTicket.Of).ToList(), tickets[1].Id, T0.AddMinutes(8));
        burst.ShowIn("msteams|personal|a:chat-carmen");
        await using (var uow = BeginBursts())
        {
            uow.Bursts.Add(burst);
            await uow.SaveAsync();
        }

        await using (var uow = BeginBursts())
        {
            var read = (await uow.Bursts.FindAsync(burst.Id))!;
            Assert.Equal(BurstState.Offered, read.State);
            Assert.Equal(("printing", "hardware"), (read.ServiceKey, read.CategoryKey));
            Assert.Equal(tickets.Select(t => t.Id), read.Tickets);
            Assert.Equal(tickets[0].Id, read.SeedTicketId);
            Assert.Equal(tickets[1].Id, read.SuggestedMajorId);
            Assert.Equal((T0, T0.AddMinutes(7), T0.AddMinutes(8)), (read.FirstTicketAt, read.LastTicketAt, read.OfferedAt));
            Assert.Equal(["msteams|personal|a:chat-carmen"], read.ShownIn);
            Assert.Equal(1, read.Version);
            var seen = await uow.Bursts.TicketsAsync([tickets[2].Id, Guid.NewGuid(), tickets[0].Id]);
            Assert.Equal([tickets[2].Number, tickets[0].Number], seen.Select(t => t.Number));
            Assert.Equal(("Printer on fire", "Ana Pérez", TicketStatus.New), (seen[0].Title, seen[0].RequesterName, seen[0].Status));
        }

        var late = (await CreateBurstTicketsAsync(T0.AddMinutes(9)))[0];
        await using (var first = BeginBursts())
        await using (var second = BeginBursts())
        {
            var mine = (await first.Bursts.FindAsync(burst.Id))!;
            var theirs = (await second.Bursts.FindAsync(burst.Id))!;
            mine.Declare(tickets[1].Id, BurstCoordinator, "Printers down", 3, T0.AddMinutes(10));
            await first.SaveAsync();
            theirs.Grow(BurstTicket.Of(late));
            await Assert.ThrowsAsync<ConcurrencyConflictException>(second.SaveAsync);
        }

        await using (var uow = BeginBursts())
        {
            var read = (await uow.Bursts.FindAsync(burst.Id))!;
            Assert.Equal((BurstState.Declared, tickets[1].Id, "Printers down", 3), (read.State, read.MajorIncidentId, read.Message, read.Notified));
            Assert.Equal(("carmen", "Carmen Vidal", T0.AddMinutes(10)), (read.DecidedByKey, read.DecidedByName, read.DecidedAt));
            Assert.DoesNotContain(late.Id, read.Tickets);
        }
    }

    [StorageFact]
    public async Task A_ticket_seeds_one_burst_only()
    {
        var tickets = (await CreateBurstTicketsAsync(T0, T0.AddMinutes(1))).Select(BurstTicket.Of).ToList();
        await using (var uow = BeginBursts())
        {
            uow.Bursts.Add(Burst.Offer(Guid.NewGuid(), "printing", null, tickets, tickets[0].Id, T0.AddMinutes(2)));
            await uow.SaveAsync();
        }
        // Another writer that saw the same tickets at the same moment.
        await using var twin = BeginBursts();
        twin.Bursts.Add(Burst.Offer(Guid.NewGuid(), "printing", null, tickets, tickets[1].Id, T0.AddMinutes(2)));
        await Assert.ThrowsAnyAsync<DbUpdateException>(twin.SaveAsync);
    }

    [StorageFact]
    public async Task Candidates_are_the_open_unlinked_incidents_of_the_service_in_the_window_and_recent_bursts_are_live_or_declared()
    {
        var since = T0.AddMinutes(10);
        var before = await CreateBurstTicketsAsync(T0);
        var inWindow = await CreateBurstTicketsAsync(since, since.AddMinutes(2), since.AddMinutes(3), since.AddMinutes(4), since.AddMinutes(5));
        var otherService = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "Printer on fire", "", new Requester("ana", "Ana Pérez", "es-ES"),
            Impact.Medium, Urgency.High, "vpn", "vpn", "service-desk", SupportLevel.L1, NewTicket().Sla, since.AddMinutes(1));
        var request = NewTicket(TicketKind.ServiceRequest, at: since.AddMinutes(1));
        await using (var uow = Begin())
        {
            uow.Tickets.Add(otherService);
            uow.Tickets.Add(request);
            var cancelled = (await uow.Tickets.FindAsync(inWindow[1].Id))!;
            cancelled.Cancel("duplicate", new PersonRef("ana", "Ana Pérez"), since.AddMinutes(6));
            var major = (await uow.Tickets.FindAsync(inWindow[2].Id))!;
            major.DeclareMajor(NewTicket().Sla, BurstCoordinator, since.AddMinutes(6));
            var linked = (await uow.Tickets.FindAsync(inWindow[3].Id))!;
            linked.LinkToMajorIncident(major, BurstCoordinator, since.AddMinutes(6));
            await uow.SaveAsync();
        }

        await using (var uow = BeginBursts())
        {
            var candidates = await uow.Bursts.CandidatesAsync("printing", since);
            Assert.Equal(new[] { inWindow[0].Id, inWindow[4].Id }.Order(), candidates.Select(c => c.Id).Order());
            Assert.Empty(await uow.Bursts.CandidatesAsync("email", since));

            // An offer lasts while its last ticket is in the window; a declared one while its major incident is open.
            uow.Bursts.Add(Burst.Offer(Guid.NewGuid(), "printing", null, [BurstTicket.Of(before[0]), BurstTicket.Of(inWindow[1])], before[0].Id, since));
            var declared = Burst.Offer(Guid.NewGuid(), "printing", null,
                [BurstTicket.Of(inWindow[2]) with { CreatedAt = T0 }, BurstTicket.Of(inWindow[3]) with { CreatedAt = T0 }], inWindow[2].Id, T0);
            declared.Declare(inWindow[2].Id, BurstCoordinator, null, 2, T0);
            uow.Bursts.Add(declared);
            uow.Bursts.Add(Burst.Offer(Guid.NewGuid(), "vpn", null, [BurstTicket.Of(otherService), BurstTicket.Of(inWindow[4])], otherService.Id, since));
            await uow.SaveAsync();
        }

        await using (var uow = BeginBursts())
        {
            var recent = await uow.Bursts.RecentAsync("printing", since);
            Assert.Equal([BurstState.Offered, BurstState.Declared], recent.Select(b => b.State)); // newest last ticket first
            Assert.Equal(inWindow[1].CreatedAt, recent[0].LastTicketAt);
            var later = await uow.Bursts.RecentAsync("printing", inWindow[1].CreatedAt.AddMinutes(1));
            Assert.Equal([BurstState.Declared], later.Select(b => b.State));
        }
    }

    private async Task<List<Ticket>> CreateBurstTicketsAsync(params DateTimeOffset[] at)
    {
        var tickets = at.Select(a => NewTicket(at: a)).ToList();
        await using var uow = Begin();
        foreach (var ticket in tickets) uow.Tickets.Add(ticket);
        await uow.SaveAsync();
        return tickets;
    }

    private BurstUnit BeginBursts() => new(Services.CreateAsyncScope());

    private sealed class BurstUnit(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IBurstRepository Bursts => scope.ServiceProvider.GetRequiredService<IBurstRepository>();

        public Task SaveAsync() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
