using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Problems;
using NodaTime;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Storage;
using ServiceDesk.Storage.Outbox;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Tests.Storage;

/// <summary>
/// The storage contract, run once per provider by the subclasses. Every test gets a fresh,
/// migrated database (xunit makes one class instance per test).
/// </summary>
public abstract partial class StorageContractTests : IAsyncLifetime
{
    // Whole seconds, with an hour offset: instants must come back equal and in UTC.
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly PersonRef Agent = new("luis", "Luis Gómez");
    private static readonly PersonRef Specialist = new("marta", "Marta Ruiz");
    private static readonly TicketSlaTargets P1Sla = new("p1", "24x7", TimeSpan.FromMinutes(15), TimeSpan.FromHours(4.5));

    protected ServiceProvider Services { get; private set; } = null!;
    protected StorageOptions Options { get; private set; } = null!;

    /// <summary>A new empty database (nothing migrated) on this provider.</summary>
    protected abstract Task<StorageOptions> CreateDatabaseAsync();

    /// <summary>Drops every database <see cref="CreateDatabaseAsync"/> made.</summary>
    protected abstract Task DropDatabasesAsync();

    /// <summary>Tables (except EF's own), columns with store type and nullability, and indexes.</summary>
    protected abstract Task<IReadOnlyList<string>> ReadSchemaAsync(StorageOptions options);

    /// <summary>Options that point at a server or file that cannot be reached.</summary>
    protected abstract StorageOptions UnreachableDatabase();

    public async Task InitializeAsync()
    {
        Options = await CreateDatabaseAsync();
        Services = Build(Options);
        await DatabaseInitializer.MigrateAsync(Services);
    }

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
        await DropDatabasesAsync();
    }

    protected static ServiceProvider Build(StorageOptions options) =>
        new ServiceCollection().AddServiceDeskStorage(options).BuildServiceProvider();

    protected UnitOfWork Begin() => new(Services.CreateAsyncScope());

    // ---------------------------------------------------------------- round trips

    [StorageFact]
    public async Task Ticket_round_trips_every_field_and_its_events_in_order()
    {
        var problemId = Guid.NewGuid();
        await using (var uow = Begin())
        {
            uow.Problems.Add(Problem.Open(problemId, "Spooler crashes", "", "network", SupportLevel.L2, Specialist, T0));
            await uow.SaveAsync();
        }

        var ticket = NewTicket(at: T0);
        await using (var uow = Begin())
        {
            uow.Tickets.Add(ticket);
            ticket.Categorize("hardware", "printing", Agent, T0.AddMinutes(1));
            ticket.ChangePriority(Impact.High, Urgency.High, P1Sla, Agent, T0.AddMinutes(2));
            ticket.Claim(Agent, T0.AddMinutes(3));
            ticket.Start(Agent, T0.AddMinutes(4));
            ticket.AddInternalNote(Agent, "checked the queue", T0.AddMinutes(5));
            ticket.AskRequester(Agent, "Which floor?", T0.AddMinutes(6));
            ticket.PutOnHold("waiting for the user", Agent, T0.AddMinutes(7));
            ticket.RecordRequesterReply("Second floor", T0.AddMinutes(8));
            ticket.Resume(Agent, T0.AddMinutes(9));
            ticket.RecordSlaWarning(SlaTarget.Response, T0.AddMinutes(10));
            ticket.Escalate(SupportLevel.L2, "network", "needs L2", Agent, T0.AddMinutes(11));
            await uow.SaveAsync();
        }
        Assert.Equal(1, ticket.Sequence);

        Ticket expected;
        await using (var uow = Begin())
        {
            expected = (await uow.Tickets.FindAsync(ticket.Id))!;
            Assert.Equal(12, expected.Events.Count);
            var problem = (await uow.Problems.FindAsync(problemId))!;
            expected.Claim(Specialist, T0.AddMinutes(12));
            expected.DeclareMajor(P1Sla, Specialist, T0.AddMinutes(13));
            expected.LinkToProblem(problemId, problem.Number, Specialist, T0.AddMinutes(14));
            problem.LinkIncident(expected);
            expected.MessageRequester(Specialist, "Fixed, please check", T0.AddMinutes(15));
            expected.Resolve(new Resolution(ResolutionCode.Workaround, "Restarted the spooler", true, true), Specialist, T0.AddMinutes(16));
            expected.RecordSurveyAnswer(4, "Quick", T0.AddMinutes(17));
            expected.Close(Specialist, T0.AddMinutes(18));
            await uow.SaveAsync();
        }

        await using (var uow = Begin())
        {
            var actual = (await uow.Tickets.FindByNumberAsync(new TicketNumber(TicketKind.Incident, 1)))!;
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal("INC-000001", actual.Number.ToString());
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Title, actual.Title);
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(expected.Requester, actual.Requester);
            Assert.Equal(Impact.High, actual.Impact);
            Assert.Equal(Urgency.High, actual.Urgency);
            Assert.Equal(Priority.P1, actual.Priority);
            Assert.True(actual.IsMajor);
            Assert.Equal("hardware", actual.CategoryKey);
            Assert.Equal("printing", actual.ServiceKey);
            Assert.Equal("network", actual.Group);
            Assert.Equal(SupportLevel.L2, actual.Level);
            Assert.Equal(TicketStatus.Closed, actual.Status);
            Assert.Equal(Specialist, actual.Assignee);
            AssertUtc(T0, actual.CreatedAt);
            AssertUtc(T0.AddMinutes(16), actual.ResolvedAt!.Value);
            AssertUtc(T0.AddMinutes(18), actual.ClosedAt!.Value);
            Assert.Equal(expected.Resolution, actual.Resolution);
            Assert.Equal(problemId, actual.ProblemId);
            Assert.Equal(P1Sla, actual.Sla);
            Assert.Equal(19, actual.Version);
            Assert.Equal(expected.Events, actual.Events);
            Assert.Equal(Enumerable.Range(1, 19), actual.Events.Select(e => e.Sequence));
            Assert.All(actual.Events, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
            Assert.Equal(Agent, actual.LastEscalatedBy);
            Assert.Equal(T0.AddMinutes(3), actual.FirstResponseAt);
        }
    }

    [StorageFact]
    public async Task Ticket_without_optional_values_comes_back_with_nulls()
    {
        var ticket = Ticket.Open(Guid.NewGuid(), TicketKind.InformationRequest, "How do I use the VPN?", "",
            new Requester("eva", "Eva", "en-GB"), Impact.Low, Urgency.Low, null, null, "service-desk", SupportLevel.L1,
            new TicketSlaTargets("info", "business", TimeSpan.FromMinutes(90), TimeSpan.FromDays(2.5)), T0);
        await using (var uow = Begin())
        {
            uow.Tickets.Add(ticket);
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var actual = (await uow.Tickets.FindAsync(ticket.Id))!;
            Assert.Equal("INF-000001", actual.Number.ToString());
            Assert.Equal(new Requester("eva", "Eva", "en-GB"), actual.Requester);
            Assert.Null(actual.Assignee);
            Assert.Null(actual.Resolution);
            Assert.Null(actual.CategoryKey);
            Assert.Null(actual.ServiceKey);
            Assert.Null(actual.ProblemId);
            Assert.Null(actual.ResolvedAt);
            Assert.Null(actual.ClosedAt);
            Assert.Equal(Priority.P5, actual.Priority);
            Assert.Equal(ticket.Sla, actual.Sla);
            Assert.Equal(ticket.Events, actual.Events);
        }
    }

    [StorageFact]
    public async Task Instants_keep_microseconds_and_come_back_in_utc()
    {
        var at = new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_560); // .123456 s
        var ticket = NewTicket(at: at);
        await using (var uow = Begin())
        {
            uow.Tickets.Add(ticket);
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var actual = (await uow.Tickets.FindAsync(ticket.Id))!;
            Assert.Equal(at.UtcTicks, actual.CreatedAt.UtcTicks);
            Assert.Equal(TimeSpan.Zero, actual.CreatedAt.Offset);
        }
    }

    [StorageFact]
    public async Task Problem_round_trips_with_its_linked_incidents()
    {
        var first = NewTicket();
        var second = NewTicket();
        var problem = Problem.Open(Guid.NewGuid(), "VPN drops", "Drops every hour", "network", SupportLevel.L3, Specialist, T0);
        await using (var uow = Begin())
        {
            uow.Tickets.Add(first);
            uow.Tickets.Add(second);
            uow.Problems.Add(problem);
            problem.LinkIncident(first);
            await uow.SaveAsync();
        }
        Assert.Equal("PRB-000001", problem.Number);

        await using (var uow = Begin())
        {
            var loaded = (await uow.Problems.FindAsync(problem.Id))!;
            loaded.LinkIncident((await uow.Tickets.FindAsync(second.Id))!);
            loaded.RecordWorkaround("Reconnect");
            loaded.Resolve("Firmware bug in the concentrator", T0.AddHours(5));
            await uow.SaveAsync();
        }

        await using (var uow = Begin())
        {
            var actual = (await uow.Problems.FindByNumberAsync("prb-000001"))!;
            Assert.Equal(problem.Id, actual.Id);
            Assert.Equal(1, actual.Sequence);
            Assert.Equal("VPN drops", actual.Title);
            Assert.Equal("Drops every hour", actual.Description);
            Assert.Equal("network", actual.OwnerGroup);
            Assert.Equal(ProblemStatus.Resolved, actual.Status);
            Assert.Equal("Reconnect", actual.Workaround);
            Assert.Equal("Firmware bug in the concentrator", actual.RootCause);
            Assert.Equal(Specialist, actual.OpenedBy);
            AssertUtc(T0, actual.OpenedAt);
            AssertUtc(T0.AddHours(5), actual.ResolvedAt!.Value);
            Assert.Equal(5, actual.Version);
            Assert.Equal([first.Id, second.Id], actual.LinkedIncidents);
            Assert.Null(await uow.Problems.FindByNumberAsync("PRB-000002"));
            Assert.Null(await uow.Problems.FindByNumberAsync("INC-000001"));
            Assert.Null(await uow.Problems.FindByNumberAsync("garbage"));
        }
    }

    [StorageFact]
    public async Task Catalog_round_trips_services_and_categories()
    {
        await using (var uow = Begin())
        {
            Assert.True(await uow.Catalog.IsEmptyAsync());
            uow.Catalog.Add(new Service("vpn", new LocalizedText("VPN corporativa", "Corporate VPN"), "network", "vpn-sla", ["ana", "luis"]));
            uow.Catalog.Add(new Service("email", new LocalizedText("Correo", "E-mail"), "messaging"));
            uow.Catalog.Add(new Category("printer", new LocalizedText("Impresora", "Printer"), TicketKind.Incident, "service-desk", "printing",
                ["impresora", "atasco", "tóner"], ["printer", "jam", "toner"]));
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            Assert.False(await uow.Catalog.IsEmptyAsync());
            var vpn = (await uow.Catalog.FindServiceAsync("vpn"))!;
            vpn.Subscribe("marta");
            vpn.Unsubscribe("ana");
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var services = await uow.Catalog.ServicesAsync();
            Assert.Equal(["email", "vpn"], services.Select(s => s.Key));
            var vpn = services[1];
            Assert.Equal(new LocalizedText("VPN corporativa", "Corporate VPN"), vpn.Name);
            Assert.Equal("network", vpn.OwnerGroup);
            Assert.Equal("vpn-sla", vpn.SlaPolicyKey);
            Assert.Equal(["luis", "marta"], vpn.Subscribers);
            Assert.Empty(services[0].Subscribers);
            Assert.Null(services[0].SlaPolicyKey);

            var printer = (await uow.Catalog.FindCategoryAsync("printer"))!;
            Assert.Equal(new LocalizedText("Impresora", "Printer"), printer.Name);
            Assert.Equal(TicketKind.Incident, printer.DefaultKind);
            Assert.Equal("service-desk", printer.DefaultGroup);
            Assert.Equal("printing", printer.ServiceKey);
            Assert.Equal(["impresora", "atasco", "tóner"], printer.KeywordsEs);
            Assert.Equal(["printer", "jam", "toner"], printer.KeywordsEn);
            Assert.Single(await uow.Catalog.CategoriesAsync());
            Assert.Null(await uow.Catalog.FindCategoryAsync("nope"));
        }
    }

    [StorageFact]
    public async Task Roster_round_trips_people_and_groups()
    {
        await using (var uow = Begin())
        {
            uow.Roster.Add(new Person("luis", "Luis Gómez", "luis@example.com", Role.Agent | Role.Coordinator, ["service-desk", "network"],
                aadObjectId: "aad-luis", slackUserId: "U123", tenantId: "tenant-1", locale: "es-ES"));
            uow.Roster.Add(new Person("ana", "Ana", "ana@example.com", Role.Auditor, []));
            uow.Roster.Add(new SupportGroup("service-desk", SupportLevel.L1,
                new ChannelAddress("msteams", "19:abc@thread.tacv2", "https://smba.trafficmanager.net/emea/", "tenant-1"), "es-ES", requiresClosureApproval: true));
            uow.Roster.Add(new SupportGroup("network", SupportLevel.L2));
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var network = (await uow.Roster.FindGroupAsync("network"))!;
            Assert.Null(network.TriageChannel);
            network.UseChannel(new ChannelAddress("slack", "C042"));
            var ana = (await uow.Roster.FindPersonAsync("ana"))!;
            ana.Update("Ana Pérez", "ana.perez@example.com", Role.Auditor | Role.Agent, ["auditors"], null, "U999", null, "en-GB");
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var luis = (await uow.Roster.FindByAadObjectIdAsync("aad-luis"))!;
            Assert.Equal("luis", luis.Key);
            Assert.Equal("Luis Gómez", luis.DisplayName);
            Assert.Equal("luis@example.com", luis.Email);
            Assert.Equal("U123", luis.SlackUserId);
            Assert.Equal("tenant-1", luis.TenantId);
            Assert.Equal("es-ES", luis.Locale);
            Assert.Equal(Role.Agent | Role.Coordinator, luis.Roles);
            Assert.Equal(["service-desk", "network"], luis.Groups);
            Assert.Equal("ana", (await uow.Roster.FindBySlackUserIdAsync("U999"))!.Key);
            Assert.Null(await uow.Roster.FindBySlackUserIdAsync("U000"));

            Assert.Equal(["ana", "luis"], (await uow.Roster.PeopleInRoleAsync(Role.Agent)).Select(p => p.Key));
            Assert.Equal(["luis"], (await uow.Roster.PeopleInRoleAsync(Role.Coordinator)).Select(p => p.Key));
            Assert.Equal(["ana"], (await uow.Roster.PeopleInRoleAsync(Role.Auditor)).Select(p => p.Key));
            Assert.Empty(await uow.Roster.PeopleInRoleAsync(Role.Specialist));

            var groups = await uow.Roster.GroupsAsync();
            Assert.Equal(["network", "service-desk"], groups.Select(g => g.Name));
            Assert.Equal(new ChannelAddress("slack", "C042"), groups[0].TriageChannel);
            Assert.Equal(SupportLevel.L2, groups[0].Level);
            var desk = groups[1];
            Assert.Equal(new ChannelAddress("msteams", "19:abc@thread.tacv2", "https://smba.trafficmanager.net/emea/", "tenant-1"), desk.TriageChannel);
            Assert.Equal("es-ES", desk.Locale);
            Assert.True(desk.RequiresClosureApproval);
            Assert.False(groups[0].RequiresClosureApproval);
        }
    }

    [StorageFact]
    public async Task A_channel_identity_belongs_to_one_person()
    {
        await using (var uow = Begin())
        {
            uow.Roster.Add(new Person("luis", "Luis", "", Role.Agent, [], aadObjectId: "aad-1"));
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            uow.Roster.Add(new Person("impostor", "Luis", "", Role.Coordinator, [], aadObjectId: "aad-1"));
            await Assert.ThrowsAsync<DbUpdateException>(() => uow.SaveAsync());
        }
    }

    [StorageFact]
    public async Task Survey_round_trips_and_is_found_by_period()
    {
        var ticket = NewTicket();
        var answered = new Survey(Guid.NewGuid(), ticket.Id, "ana", T0.AddHours(1));
        var unanswered = new Survey(Guid.NewGuid(), ticket.Id, "ana", T0.AddHours(3));
        await using (var uow = Begin())
        {
            uow.Tickets.Add(ticket);
            uow.Surveys.Add(answered);
            uow.Surveys.Add(unanswered);
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            (await uow.Surveys.FindAsync(answered.Id))!.Answer(5, "  Great  ", T0.AddHours(2));
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var actual = (await uow.Surveys.FindAsync(answered.Id))!;
            Assert.Equal(ticket.Id, actual.TicketId);
            Assert.Equal("ana", actual.RequesterKey);
            AssertUtc(T0.AddHours(1), actual.SentAt);
            AssertUtc(T0.AddHours(2), actual.AnsweredAt!.Value);
            Assert.Equal(5, actual.Rating);
            Assert.Equal("Great", actual.Comment);

            Assert.Equal(unanswered.Id, (await uow.Surveys.ForTicketAsync(ticket.Id))!.Id);
            Assert.Null(await uow.Surveys.ForTicketAsync(Guid.NewGuid()));
            // [from, to): the start is in, the end is out.
            Assert.Equal([answered.Id, unanswered.Id], (await uow.Surveys.SentBetweenAsync(T0.AddHours(1), T0.AddHours(4))).Select(s => s.Id));
            Assert.Equal([answered.Id], (await uow.Surveys.SentBetweenAsync(T0, T0.AddHours(3))).Select(s => s.Id));
            Assert.Equal([answered.Id], (await uow.Surveys.AnsweredBetweenAsync(T0.AddHours(2), T0.AddHours(3))).Select(s => s.Id));
            Assert.Empty(await uow.Surveys.AnsweredBetweenAsync(T0, T0.AddHours(2)));
        }
    }

    [StorageFact]
    public async Task Outbox_message_round_trips_every_field()
    {
        var message = new OutboxMessage(Guid.NewGuid(), "msteams|19:conv", OutboxOperation.Update, "{\"type\":\"message\"}", T0,
            targetMessageId: "1700000000000", correlationKey: "card:INC-000001");
        await using (var uow = Begin())
        {
            uow.Outbox.Enqueue(message);
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var loaded = (await uow.OutboxStore.FindAsync(message.Id))!;
            loaded.ScheduleRetry("429 Too Many Requests", T0.AddSeconds(30));
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            (await uow.OutboxStore.FindAsync(message.Id))!.MarkSent("1700000000001", T0.AddSeconds(31));
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var actual = (await uow.OutboxStore.FindAsync(message.Id))!;
            Assert.Equal("msteams|19:conv", actual.Destination);
            Assert.Equal(OutboxOperation.Update, actual.Operation);
            Assert.Equal("{\"type\":\"message\"}", actual.Payload);
            Assert.Equal("1700000000000", actual.TargetMessageId);
            Assert.Equal("card:INC-000001", actual.CorrelationKey);
            Assert.Equal(OutboxState.Sent, actual.State);
            Assert.Equal(2, actual.Attempts);
            AssertUtc(T0, actual.CreatedAt);
            AssertUtc(T0.AddSeconds(30), actual.NextAttemptAt);
            AssertUtc(T0.AddSeconds(31), actual.SentAt!.Value);
            Assert.Equal("1700000000001", actual.SentMessageId);
            Assert.Null(actual.LastError);
        }
    }

    // ---------------------------------------------------------------- queries

    [StorageFact]
    public async Task Ticket_queries_filter_by_requester_status_group_and_creation_window()
    {
        var ana1 = NewTicket(requester: "ana", at: T0);
        var ana2 = NewTicket(requester: "ana", at: T0.AddHours(1), group: "network");
        var bob1 = NewTicket(requester: "bob", at: T0.AddHours(2));
        var bob2 = NewTicket(requester: "bob", at: T0.AddHours(3), kind: TicketKind.ServiceRequest);
        await using (var uow = Begin())
        {
            foreach (var t in new[] { ana1, ana2, bob1, bob2 }) uow.Tickets.Add(t);
            ana2.Claim(Agent, T0.AddHours(1.5));
            bob1.Claim(Agent, T0.AddHours(2.1));
            bob1.Resolve(new Resolution(ResolutionCode.Fixed, "done", false, false), Agent, T0.AddHours(2.2));
            bob1.Categorize("hardware", null, Agent, T0.AddHours(2.3));
            bob1.Close(Agent, T0.AddHours(2.4));
            await uow.SaveAsync();
        }

        await using var read = Begin();
        async Task<IEnumerable<Guid>> Ids(TicketQuery q) => (await read.Tickets.QueryAsync(q)).Select(t => t.Id);

        // Newest first.
        Assert.Equal([bob2.Id, bob1.Id, ana2.Id, ana1.Id], await Ids(new TicketQuery()));
        Assert.Equal([ana2.Id, ana1.Id], await Ids(new TicketQuery(RequesterKey: "ana")));
        Assert.Equal([ana2.Id], await Ids(new TicketQuery(Status: TicketStatus.Assigned)));
        Assert.Equal([ana2.Id], await Ids(new TicketQuery(Group: "network")));
        Assert.Equal([bob2.Id, ana2.Id, ana1.Id], await Ids(new TicketQuery(OpenOnly: true)));
        Assert.Equal([bob2.Id], await Ids(new TicketQuery(RequesterKey: "bob", OpenOnly: true)));
        // [from, to), with bounds in another offset than the stored UTC.
        var from = T0.AddHours(1).ToOffset(TimeSpan.FromHours(-5));
        var to = T0.AddHours(3).ToOffset(TimeSpan.FromHours(9));
        Assert.Equal([bob1.Id, ana2.Id], await Ids(new TicketQuery(CreatedFrom: from, CreatedTo: to)));
        Assert.Equal([bob1.Id, ana2.Id], await Ids(new TicketQuery(Skip: 1, Take: 2)));
        Assert.Empty(await Ids(new TicketQuery(RequesterKey: "nobody")));

        var loaded = Assert.Single(await read.Tickets.QueryAsync(new TicketQuery(Status: TicketStatus.Closed)));
        Assert.Equal(5, loaded.Events.Count);
        Assert.Null(await read.Tickets.FindByNumberAsync(new TicketNumber(TicketKind.Incident, 99)));
        Assert.Equal(bob2.Id, (await read.Tickets.FindByNumberAsync(TicketNumber.Parse("REQ-000001")))!.Id);
        Assert.Null(await read.Tickets.FindAsync(Guid.NewGuid()));
    }

    [StorageFact]
    public async Task Tickets_for_a_period_are_those_with_activity_in_it_or_open_at_its_end()
    {
        var from = T0.AddDays(1);
        var to = T0.AddDays(2);
        var doneBefore = NewTicket(at: T0);          // created, resolved and closed before: out
        var resolvedBefore = NewTicket(at: T0);      // resolved before, still Resolved: out
        var openThroughout = NewTicket(at: T0);      // open since before, untouched: in
        var closedInside = NewTicket(at: T0);        // resolved before, closed inside: in
        var createdInside = NewTicket(at: from.AddHours(1));
        var createdAtEnd = NewTicket(at: to);        // [from, to): out
        var resolvedAfter = NewTicket(at: T0);       // open at `to`, resolved later: in
        await using (var uow = Begin())
        {
            foreach (var t in new[] { doneBefore, resolvedBefore, openThroughout, closedInside, createdInside, createdAtEnd, resolvedAfter })
                uow.Tickets.Add(t);
            Finish(doneBefore, T0.AddHours(1), close: true);
            Finish(resolvedBefore, T0.AddHours(1), close: false);
            Finish(closedInside, T0.AddHours(1), close: false);
            closedInside.Close(Agent, from.AddHours(2));
            Finish(resolvedAfter, to.AddHours(1), close: false);
            await uow.SaveAsync();
        }
        await using var read = Begin();
        var ids = (await read.Tickets.ForPeriodAsync(from, to)).Select(t => t.Id).ToHashSet();
        Assert.Equal(new[] { openThroughout.Id, closedInside.Id, createdInside.Id, resolvedAfter.Id }.ToHashSet(), ids);
    }

    // ---------------------------------------------------------------- concurrency

    [StorageFact]
    public async Task A_stale_write_is_a_conflict_not_an_overwrite()
    {
        var ticket = await CreateTicketAsync();
        await using var first = Begin();
        await using var second = Begin();
        var mine = (await first.Tickets.FindAsync(ticket.Id))!;
        var theirs = (await second.Tickets.FindAsync(ticket.Id))!;

        mine.Claim(Agent, T0.AddMinutes(1));
        await first.SaveAsync();

        theirs.Claim(Specialist, T0.AddMinutes(2));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync());
        Assert.Equal("INC-000001", conflict.RecordKey);

        await using var read = Begin();
        var stored = (await read.Tickets.FindAsync(ticket.Id))!;
        Assert.Equal(Agent, stored.Assignee);
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, stored.Events.Count);
    }

    [StorageFact]
    public async Task Two_concurrent_claims_one_wins_and_the_other_conflicts()
    {
        for (var round = 0; round < 5; round++)
        {
            var ticket = await CreateTicketAsync();
            // Both read the unclaimed ticket first, then race to save their claim.
            var claimants = new List<(PersonRef Who, UnitOfWork Uow)>();
            foreach (var who in new[] { Agent, Specialist })
            {
                var uow = Begin();
                (await uow.Tickets.FindAsync(ticket.Id))!.Claim(who, T0.AddMinutes(1));
                claimants.Add((who, uow));
            }
            var results = await Task.WhenAll(claimants.Select(async c =>
            {
                await using var uow = c.Uow;
                try
                {
                    await Task.Yield();
                    await uow.SaveAsync();
                    return (c.Who, Error: (Exception?)null);
                }
                catch (Exception e)
                {
                    return (c.Who, Error: e);
                }
            }));

            var winner = Assert.Single(results, r => r.Error is null);
            var loser = Assert.Single(results, r => r.Error is not null);
            Assert.IsType<ConcurrencyConflictException>(loser.Error);

            await using var read = Begin();
            var stored = (await read.Tickets.FindAsync(ticket.Id))!;
            Assert.Equal(winner.Who, stored.Assignee);
            Assert.Equal(2, stored.Version);
            Assert.Equal(2, stored.Events.Count);
        }
    }

    [StorageFact]
    public async Task Problems_use_their_version_too()
    {
        var problem = Problem.Open(Guid.NewGuid(), "Disk full", "", "storage", SupportLevel.L2, Specialist, T0);
        await using (var uow = Begin())
        {
            uow.Problems.Add(problem);
            await uow.SaveAsync();
        }
        await using var first = Begin();
        await using var second = Begin();
        (await first.Problems.FindAsync(problem.Id))!.RecordWorkaround("Delete logs");
        (await second.Problems.FindAsync(problem.Id))!.Resolve("Log rotation was off", T0.AddHours(1));
        await first.SaveAsync();
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync());
        Assert.Equal("PRB-000001", conflict.RecordKey);
    }

    // ---------------------------------------------------------------- numbering

    [StorageFact]
    public async Task Hundred_tickets_created_in_parallel_get_numbers_1_to_100()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await using var uow = Begin();
            var ticket = NewTicket(at: T0.AddSeconds(i));
            uow.Tickets.Add(ticket);
            await uow.SaveAsync();
            return ticket;
        }));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), tickets.Select(t => t.Sequence).Order());
        await using var read = Begin();
        var stored = await read.Db.Tickets.AsNoTracking().Select(t => t.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), stored);
        Assert.Equal(100, await CounterAsync(read, "INC"));
    }

    [StorageFact]
    public async Task Numbers_are_counted_per_kind()
    {
        var created = new List<Ticket>();
        var problems = new List<Problem>();
        for (var batch = 0; batch < 2; batch++)
        {
            await using var uow = Begin();
            foreach (var kind in new[] { TicketKind.Incident, TicketKind.ServiceRequest, TicketKind.Incident, TicketKind.InformationRequest })
            {
                var t = NewTicket(kind: kind, at: T0.AddMinutes(created.Count));
                uow.Tickets.Add(t);
                created.Add(t);
            }
            var p = Problem.Open(Guid.NewGuid(), $"Problem {batch}", "", "network", SupportLevel.L2, Specialist, T0);
            uow.Problems.Add(p);
            problems.Add(p);
            await uow.SaveAsync();
        }

        Assert.Equal(["INC-000001", "REQ-000001", "INC-000002", "INF-000001", "INC-000003", "REQ-000002", "INC-000004", "INF-000002"],
            created.Select(t => t.Number.ToString()));
        Assert.Equal(["PRB-000001", "PRB-000002"], problems.Select(p => p.Number));
        await using var read = Begin();
        Assert.Equal(4, await CounterAsync(read, "INC"));
        Assert.Equal(2, await CounterAsync(read, "REQ"));
        Assert.Equal(2, await CounterAsync(read, "INF"));
        Assert.Equal(2, await CounterAsync(read, "PRB"));
    }

    [StorageFact]
    public async Task A_failed_save_does_not_consume_a_number()
    {
        await CreateTicketAsync(); // INC-000001
        await using (var uow = Begin())
        {
            uow.Roster.Add(new Person("luis", "Luis", "", Role.Agent, []));
            await uow.SaveAsync();
        }

        var unlucky = NewTicket();
        await using (var uow = Begin())
        {
            uow.Tickets.Add(unlucky);
            uow.Roster.Add(new Person("luis", "Luis again", "", Role.Agent, [])); // primary key violation
            await Assert.ThrowsAsync<DbUpdateException>(() => uow.SaveAsync());
            Assert.False(unlucky.HasNumber);

            // The same unit of work, minus the bad row, saves fine and takes the next number.
            var duplicate = uow.Db.ChangeTracker.Entries<Person>().Single(e => e.State == EntityState.Added);
            duplicate.State = EntityState.Detached;
            await uow.SaveAsync();
        }
        Assert.Equal(2, unlucky.Sequence);

        var next = await CreateTicketAsync();
        Assert.Equal(3, next.Sequence);
        await using var read = Begin();
        Assert.Equal(3, await CounterAsync(read, "INC"));
    }

    [StorageFact]
    public async Task Ticket_numbers_are_unique_in_the_database_too()
    {
        await CreateTicketAsync();
        var copy = NewTicket();
        copy.AssignNumber(1); // as if someone bypassed the allocator
        await using var uow = Begin();
        uow.Tickets.Add(copy);
        await Assert.ThrowsAsync<DbUpdateException>(() => uow.SaveAsync());
    }

    // ---------------------------------------------------------------- outbox

    [StorageFact]
    public async Task Outbox_message_is_saved_with_the_ticket_change()
    {
        var ticket = await CreateTicketAsync();
        var message = new OutboxMessage(Guid.NewGuid(), "msteams|19:triage", OutboxOperation.Update, "{card}", T0.AddMinutes(1), "activity-1", "card:INC-000001");
        await using (var uow = Begin())
        {
            (await uow.Tickets.FindAsync(ticket.Id))!.Claim(Agent, T0.AddMinutes(1));
            uow.Outbox.Enqueue(message);
            await uow.SaveAsync();
        }
        await using var read = Begin();
        Assert.Equal(2, (await read.Tickets.FindAsync(ticket.Id))!.Version);
        Assert.NotNull(await read.OutboxStore.FindAsync(message.Id));
    }

    [StorageFact]
    public async Task Outbox_message_is_not_saved_when_the_save_conflicts()
    {
        var ticket = await CreateTicketAsync();
        var winnerMessage = new OutboxMessage(Guid.NewGuid(), "msteams|19:triage", OutboxOperation.Send, "claimed by Luis", T0);
        var loserMessage = new OutboxMessage(Guid.NewGuid(), "msteams|19:triage", OutboxOperation.Send, "claimed by Marta", T0);
        var loserTicket = NewTicket();

        await using var first = Begin();
        await using var second = Begin();
        (await first.Tickets.FindAsync(ticket.Id))!.Claim(Agent, T0.AddMinutes(1));
        first.Outbox.Enqueue(winnerMessage);
        (await second.Tickets.FindAsync(ticket.Id))!.Claim(Specialist, T0.AddMinutes(1));
        second.Outbox.Enqueue(loserMessage);
        second.Tickets.Add(loserTicket);

        await first.SaveAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync());
        Assert.False(loserTicket.HasNumber);

        await using var read = Begin();
        Assert.NotNull(await read.OutboxStore.FindAsync(winnerMessage.Id));
        Assert.Null(await read.OutboxStore.FindAsync(loserMessage.Id));
        Assert.Null(await read.Tickets.FindAsync(loserTicket.Id));
        Assert.Equal(1, await CounterAsync(read, "INC"));
    }

    [StorageFact]
    public async Task Outbox_due_messages_come_oldest_first_in_enqueue_order()
    {
        var now = T0.AddMinutes(10);
        OutboxMessage Message(string payload, DateTimeOffset at) => new(Guid.NewGuid(), "slack|C1", OutboxOperation.Send, payload, at);
        var old = Message("old", T0);
        var batch = new[] { Message("b1", T0.AddMinutes(1)), Message("b2", T0.AddMinutes(1)), Message("b3", T0.AddMinutes(1)) };
        var retryLater = Message("retry later", T0.AddMinutes(2));
        var retryDue = Message("retry due", T0.AddMinutes(3));
        var sent = Message("sent", T0.AddMinutes(4));
        var failed = Message("failed", T0.AddMinutes(5));
        var future = Message("future", now.AddMinutes(1));
        var exactlyNow = Message("now", now);

        await using (var uow = Begin())
        {
            foreach (var m in new[] { exactlyNow, future, failed, sent, retryDue, retryLater }) uow.Outbox.Enqueue(m);
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            // Enqueued after the others, and the three share one CreatedAt: their order is the enqueue order.
            foreach (var m in batch.Append(old)) uow.Outbox.Enqueue(m);
            (await uow.OutboxStore.FindAsync(retryLater.Id))!.ScheduleRetry("503", now.AddSeconds(1));
            (await uow.OutboxStore.FindAsync(retryDue.Id))!.ScheduleRetry("503", now);
            (await uow.OutboxStore.FindAsync(sent.Id))!.MarkSent("ts-1", T0.AddMinutes(4));
            (await uow.OutboxStore.FindAsync(failed.Id))!.MarkFailed("400");
            await uow.SaveAsync();
        }

        await using var read = Begin();
        var due = await read.OutboxStore.DueAsync(now, 10);
        Assert.Equal(["old", "b1", "b2", "b3", "retry due", "now"], due.Select(m => m.Payload));
        Assert.Equal(["old", "b1"], (await read.OutboxStore.DueAsync(now, 2)).Select(m => m.Payload));
        Assert.Equal(["old"], (await read.OutboxStore.DueAsync(T0.AddSeconds(30).ToOffset(TimeSpan.FromHours(5)), 10)).Select(m => m.Payload));
    }

    [StorageFact]
    public async Task Outbox_remembers_the_last_sent_message_id_per_correlation_key()
    {
        var first = new OutboxMessage(Guid.NewGuid(), "msteams|19:c", OutboxOperation.Send, "v1", T0, correlationKey: "card:INC-000001");
        var second = new OutboxMessage(Guid.NewGuid(), "msteams|19:c", OutboxOperation.Send, "v2", T0.AddMinutes(1), correlationKey: "card:INC-000001");
        var pending = new OutboxMessage(Guid.NewGuid(), "msteams|19:c", OutboxOperation.Send, "v3", T0.AddMinutes(2), correlationKey: "card:INC-000001");
        var other = new OutboxMessage(Guid.NewGuid(), "msteams|19:c", OutboxOperation.Send, "x", T0.AddMinutes(3), correlationKey: "card:INC-000002");
        await using (var uow = Begin())
        {
            foreach (var m in new[] { first, second, pending, other }) uow.Outbox.Enqueue(m);
            first.MarkSent("m-1", T0.AddSeconds(5));
            second.MarkSent("m-2", T0.AddMinutes(1).AddSeconds(5));
            other.MarkSent(null, T0.AddMinutes(3));
            await uow.SaveAsync();
        }
        await using var read = Begin();
        Assert.Equal("m-2", await read.OutboxStore.SentMessageIdAsync("card:INC-000001"));
        Assert.Null(await read.OutboxStore.SentMessageIdAsync("card:INC-000002"));
        Assert.Null(await read.OutboxStore.SentMessageIdAsync("card:INC-000404"));
    }

    [StorageFact]
    public async Task Two_dispatchers_cannot_both_record_a_result()
    {
        var message = new OutboxMessage(Guid.NewGuid(), "slack|C1", OutboxOperation.Send, "hi", T0);
        await using (var uow = Begin())
        {
            uow.Outbox.Enqueue(message);
            await uow.SaveAsync();
        }
        await using var first = Begin();
        await using var second = Begin();
        Assert.Single(await first.OutboxStore.DueAsync(T0, 10)).MarkSent("ts-1", T0);
        Assert.Single(await second.OutboxStore.DueAsync(T0, 10)).MarkSent("ts-2", T0);
        await first.SaveAsync();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync());
        await using var read = Begin();
        Assert.Equal("ts-1", (await read.OutboxStore.FindAsync(message.Id))!.SentMessageId);
    }

    // ---------------------------------------------------------------- SLA catalog

    [StorageFact]
    public async Task Sla_calendars_and_policies_round_trip_and_are_replaced_by_id()
    {
        var hours = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingInterval>>
        {
            [IsoDayOfWeek.Monday] = [new(new LocalTime(8, 0), new LocalTime(14, 0)), new(new LocalTime(15, 30), new LocalTime(18, 0))],
            [IsoDayOfWeek.Saturday] = [new(new LocalTime(22, 0), LocalTime.Midnight)],
        };
        var calendar = new BusinessCalendar("madrid", "Europe/Madrid", hours, [new LocalDate(2026, 12, 25), new LocalDate(2026, 1, 1)]);
        var policy = new SlaPolicy("standard", "Standard", "madrid", new Dictionary<Priority, PriorityTargets>
        {
            [Priority.P1] = new(Duration.FromMinutes(15), Duration.FromHours(4)),
            [Priority.P5] = new(Duration.FromDays(2), Duration.FromDays(10) + Duration.FromMilliseconds(1)),
        });
        await using (var uow = Begin())
        {
            await uow.Sla.SaveCalendarAsync(calendar);
            await uow.Sla.SavePolicyAsync(policy);
            await uow.Sla.SavePolicyAsync(new SlaPolicy("email", "", "madrid", new Dictionary<Priority, PriorityTargets> { [Priority.P3] = new(Duration.FromHours(1), Duration.FromHours(8)) }));
            Assert.NotNull(await uow.Sla.FindCalendarAsync("madrid")); // visible before the save
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var actual = (await uow.Sla.FindCalendarAsync("madrid"))!;
            Assert.Equal("Europe/Madrid", actual.ZoneId);
            Assert.Equal([new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 25)], actual.Holidays);
            foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
                Assert.Equal(calendar.HoursOn(day), actual.HoursOn(day));
            var start = Instant.FromUtc(2026, 3, 2, 7, 0);
            Assert.Equal(calendar.Add(start, Duration.FromHours(9)), actual.Add(start, Duration.FromHours(9)));

            var policies = await uow.Sla.PoliciesAsync();
            Assert.Equal(["email", "standard"], policies.Select(p => p.Id));
            Assert.Equal("email", policies[0].Name);
            var standard = policies[1];
            Assert.Equal("Standard", standard.Name);
            Assert.Equal("madrid", standard.CalendarId);
            Assert.Equal(policy.Targets.OrderBy(t => t.Key), standard.Targets.OrderBy(t => t.Key));
            Assert.Null(await uow.Sla.FindPolicyAsync("missing"));
            Assert.Null(await uow.Sla.FindCalendarAsync("missing"));

            await uow.Sla.SaveCalendarAsync(BusinessCalendar.Weekdays("madrid", "Atlantic/Canary", new LocalTime(9, 0), new LocalTime(17, 0), []));
            await uow.Sla.SavePolicyAsync(new SlaPolicy("standard", "Standard v2", "madrid", new Dictionary<Priority, PriorityTargets> { [Priority.P2] = new(Duration.FromHours(1), Duration.FromHours(9)) }));
            await uow.SaveAsync();
        }
        await using (var uow = Begin())
        {
            var replaced = (await uow.Sla.FindCalendarAsync("madrid"))!;
            Assert.Equal("Atlantic/Canary", replaced.ZoneId);
            Assert.Empty(replaced.Holidays);
            Assert.Empty(replaced.HoursOn(IsoDayOfWeek.Saturday));
            Assert.Equal([new WorkingInterval(new LocalTime(9, 0), new LocalTime(17, 0))], replaced.HoursOn(IsoDayOfWeek.Friday));
            var standard = (await uow.Sla.FindPolicyAsync("standard"))!;
            Assert.Equal("Standard v2", standard.Name);
            Assert.Equal([Priority.P2], standard.Targets.Keys);
            Assert.Equal(2, (await uow.Sla.PoliciesAsync()).Count);
        }
    }

    // ---------------------------------------------------------------- migrations and health

    private static readonly string[] AllMigrations =
        ["20261122000001_Initial", "20261122000002_SlaCatalog", "20261122000020_Knowledge", "20261122000030_ConversationFlows", "20261122100000_ConversationReferences", "20261122100001_OutboxLeases", "20261122100010_MajorIncidentLinks", "20261122100020_Outages", "20261122100030_Bursts", "20261122100040_ConversationTimeZone"];

    [StorageFact]
    public async Task Migrating_again_is_a_no_op()
    {
        var ticket = await CreateTicketAsync();
        await using (var uow = Begin())
        {
            Assert.Empty(await uow.Db.Database.GetPendingMigrationsAsync());
            Assert.Equal(AllMigrations, await uow.Db.Database.GetAppliedMigrationsAsync());
        }
        var before = await ReadSchemaAsync(Options);

        await DatabaseInitializer.MigrateAsync(Services);

        Assert.Equal(before, await ReadSchemaAsync(Options));
        await using var read = Begin();
        Assert.Equal(AllMigrations, await read.Db.Database.GetAppliedMigrationsAsync());
        Assert.NotNull(await read.Tickets.FindAsync(ticket.Id));
    }

    [StorageFact]
    public async Task Migrated_schema_is_the_schema_of_the_model()
    {
        // Hand-written migrations have no model snapshot to warn about drift, so compare the
        // migrated database with one EF creates straight from the model.
        var scratch = await CreateDatabaseAsync();
        await using (var provider = Build(scratch))
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ServiceDeskContext>().Database.EnsureCreatedAsync();

        var fromModel = await ReadSchemaAsync(scratch);
        var migrated = await ReadSchemaAsync(Options);
        // The one index EF 10 cannot declare (on a complex-type column) exists in migrations only.
        var migrationOnly = migrated.Where(line => line.Contains("IX_tickets_requester_key")).ToList();
        Assert.Single(migrationOnly);
        // So is the knowledge search index: knowledge_fts and its shadow tables on SQLite, the
        // search_vector column and its GIN index on PostgreSQL.
        var searchIndex = migrated.Where(line => line.StartsWith("knowledge_fts", StringComparison.Ordinal) || line.Contains("search_vector")).ToList();
        Assert.NotEmpty(searchIndex);
        Assert.Equal(fromModel, migrated.Except(migrationOnly).Except(searchIndex).ToList());
    }

    [StorageFact]
    public async Task Health_reports_ready_only_for_a_reachable_migrated_database()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var health = scope.ServiceProvider.GetRequiredService<StorageHealth>();
            Assert.True(await health.CanConnectAsync());
            Assert.Equal(new StorageHealthReport(true, "ok"), await health.CheckAsync());
        }

        await using (var empty = Build(await CreateDatabaseAsync()))
        await using (var scope = empty.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<StorageHealth>().CheckAsync();
            Assert.False(report.IsReady);
            Assert.Contains("pending", report.Description);
        }

        await using (var nowhere = Build(UnreachableDatabase()))
        await using (var scope = nowhere.CreateAsyncScope())
        {
            var health = scope.ServiceProvider.GetRequiredService<StorageHealth>();
            Assert.False(await health.CanConnectAsync());
            Assert.False((await health.CheckAsync()).IsReady);
        }
    }

    [StorageFact]
    public async Task Event_log_is_append_only()
    {
        var ticket = await CreateTicketAsync();
        await using var uow = Begin();
        var loaded = (await uow.Tickets.FindAsync(ticket.Id))!;
        uow.Db.Remove(loaded.Events[0]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => uow.SaveAsync());
    }

    // ---------------------------------------------------------------- helpers

    protected static Ticket NewTicket(TicketKind kind = TicketKind.Incident, string requester = "ana", string group = "service-desk", DateTimeOffset? at = null) =>
        Ticket.Open(Guid.NewGuid(), kind, "Printer on fire", "Third floor, smoke",
            new Requester(requester, "Ana Pérez", "es-ES", "Finanzas", $"{requester}@example.com"),
            Impact.Medium, Urgency.High, "hardware", "printing", group, SupportLevel.L1,
            new TicketSlaTargets("default", "business", TimeSpan.FromHours(4), TimeSpan.FromHours(16)), at ?? T0);

    protected async Task<Ticket> CreateTicketAsync()
    {
        var ticket = NewTicket();
        await using var uow = Begin();
        uow.Tickets.Add(ticket);
        await uow.SaveAsync();
        return ticket;
    }

    private static void Finish(Ticket ticket, DateTimeOffset at, bool close)
    {
        ticket.Claim(Agent, at);
        ticket.Resolve(new Resolution(ResolutionCode.Fixed, "done", false, false), Agent, at);
        if (close) ticket.Close(Agent, at);
    }

    protected static async Task<long> CounterAsync(UnitOfWork uow, string kind) =>
        await uow.Db.NumberCounters.AsNoTracking().Where(c => c.Kind == kind).Select(c => c.LastValue).SingleAsync();

    private static void AssertUtc(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    /// <summary>One DI scope: what a request or a job gets.</summary>
    protected sealed class UnitOfWork(AsyncServiceScope scope) : IAsyncDisposable
    {
        public ITicketRepository Tickets => Get<ITicketRepository>();
        public IProblemRepository Problems => Get<IProblemRepository>();
        public ICatalogRepository Catalog => Get<ICatalogRepository>();
        public IRosterRepository Roster => Get<IRosterRepository>();
        public ISurveyRepository Surveys => Get<ISurveyRepository>();
        public ISlaRepository Sla => Get<ISlaRepository>();
        public IOutbox Outbox => Get<IOutbox>();
        public IOutboxStore OutboxStore => Get<IOutboxStore>();
        public IOutboxQueue OutboxQueue => Get<IOutboxQueue>();
        public IConversationReferenceRepository Conversations => Get<IConversationReferenceRepository>();
        public IProcessedActivities ProcessedActivities => Get<IProcessedActivities>();
        public ServiceDeskContext Db => Get<ServiceDeskContext>();

        public Task SaveAsync() => Get<IUnitOfWork>().SaveChangesAsync();

        private T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
