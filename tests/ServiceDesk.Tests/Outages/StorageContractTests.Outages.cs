using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Tickets;

// In the storage contract's namespace: a partial of the contract, so it runs on SQLite and on PostgreSQL.
namespace ServiceDesk.Tests.Storage;

public abstract partial class StorageContractTests
{
    private static readonly PersonRef Coordinator = new("carmen", "Carmen Vidal");

    private OutageWork BeginOutages() => new(Services.CreateAsyncScope());

    private sealed class OutageWork(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IOutageRepository Outages => scope.ServiceProvider.GetRequiredService<IOutageRepository>();
        public ITicketRepository Tickets => scope.ServiceProvider.GetRequiredService<ITicketRepository>();
        public Task SaveAsync() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    private static Outage NewOutage(DateTimeOffset? startsAt = null) =>
        Outage.Declare(Guid.NewGuid(), "email", "Correo caído", "No se puede enviar correo.", OutageSeverity.Security,
            OutageAudienceKind.Departments, ["Finanzas", "Ventas"], startsAt, Coordinator, T0);

    [StorageFact]
    public async Task An_outage_round_trips_with_its_updates_departments_and_affected_people()
    {
        var outage = NewOutage();
        var major = NewTicket();
        major.DeclareMajor(P1Sla, Agent, T0);
        var linked = NewTicket(requester: "megan");
        linked.LinkToMajorIncident(major, Agent, T0);
        outage.Publish(T0);
        outage.LinkMajorIncident(major);
        outage.PostUpdate("Identificada la causa", Coordinator, T0.AddMinutes(10));
        outage.RecordAffected("aad-megan", linked, T0.AddMinutes(12));
        await using (var uow = BeginOutages())
        {
            uow.Tickets.Add(major);
            uow.Tickets.Add(linked);
            uow.Outages.Add(outage);
            await uow.SaveAsync();
        }
        await using (var uow = BeginOutages())
        {
            var read = (await uow.Outages.FindAsync(outage.Id))!;
            Assert.Equal(OutageStatus.Active, read.Status);
            Assert.Equal(OutageSeverity.Security, read.Severity);
            Assert.Equal(["Finanzas", "Ventas"], read.Departments);
            Assert.Equal(T0, read.StartsAt);
            Assert.Equal(TimeSpan.Zero, read.StartsAt.Offset);
            Assert.Equal(major.Id, read.MajorIncidentId);
            Assert.Equal(Coordinator, read.DeclaredBy);
            var update = Assert.Single(read.Updates);
            Assert.Equal(("Identificada la causa", T0.AddMinutes(10), Coordinator), (update.Text, update.At, update.By));
            Assert.Equal(linked.Id, read.AffectedBy("aad-megan")!.TicketId);
            Assert.Equal([outage.Id], (await uow.Outages.OpenAsync()).Select(o => o.Id));

            read.End("Restablecido", Coordinator, T0.AddHours(1));
            await uow.SaveAsync();
        }
        await using (var uow = BeginOutages())
        {
            var ended = (await uow.Outages.FindAsync(outage.Id))!;
            Assert.Equal(OutageStatus.Ended, ended.Status);
            Assert.Equal(2, ended.Updates.Count);
            Assert.Empty(await uow.Outages.OpenAsync());
        }
    }

    [StorageFact]
    public async Task Two_writers_of_one_outage_conflict_instead_of_both_recording_someone_affected()
    {
        var outage = NewOutage();
        outage.Publish(T0);
        await using (var uow = BeginOutages())
        {
            uow.Outages.Add(outage);
            await uow.SaveAsync();
        }
        await using var first = BeginOutages();
        await using var second = BeginOutages();
        (await first.Outages.FindAsync(outage.Id))!.PostUpdate("uno", Coordinator, T0);
        (await second.Outages.FindAsync(outage.Id))!.PostUpdate("dos", Coordinator, T0);
        await first.SaveAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync());
    }

    [StorageFact]
    public async Task Recipients_are_counted_by_delivery_state_and_one_conversation_is_one_recipient()
    {
        var outage = NewOutage();
        outage.Publish(T0);
        var keys = Enumerable.Range(1, 5).Select(i => $"msteams|user|29:person-{i}").ToList();
        await using (var uow = BeginOutages())
        {
            uow.Outages.Add(outage);
            uow.Outages.AddRecipients(keys.Select(k => new OutageRecipient(outage.Id, k, "es-ES", T0)));
            uow.Outages.AddRecipients([OutageRecipient.KnownUnreachable(outage.Id, "msteams|user|29:blocked", null, "MessageWritesBlocked", T0)]);
            await uow.SaveAsync();
        }
        await using (var uow = BeginOutages())
        {
            var repository = uow.Outages;
            (await repository.FindRecipientAsync(outage.Id, keys[0]))!.RecordSent(T0.AddSeconds(1));
            (await repository.FindRecipientAsync(outage.Id, keys[1]))!.RecordSent(T0.AddSeconds(1));
            (await repository.FindRecipientAsync(outage.Id, keys[2]))!.RecordFailed("400 BadRequest", T0.AddSeconds(1));
            Assert.Null(await repository.FindRecipientAsync(outage.Id, "msteams|user|29:nobody"));
            await uow.SaveAsync();
        }
        await using (var uow = BeginOutages())
        {
            Assert.Equal(new OutageProgress(Total: 6, Pending: 2, Sent: 2, Failed: 1, Unreachable: 1), await uow.Outages.ProgressAsync(outage.Id));
            Assert.Equal(OutageProgress.None, await uow.Outages.ProgressAsync(Guid.NewGuid()));
            var all = await uow.Outages.RecipientsAsync(outage.Id);
            Assert.Equal(6, all.Count);
            Assert.Equal("400 BadRequest", all.Single(r => r.ReferenceKey == keys[2]).Error);
        }
        await using (var uow = BeginOutages())
        {
            uow.Outages.AddRecipients([new OutageRecipient(outage.Id, keys[0], "es-ES", T0)]);
            await Assert.ThrowsAnyAsync<Exception>(() => uow.SaveAsync());
        }
    }
}
