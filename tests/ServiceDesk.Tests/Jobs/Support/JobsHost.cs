using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;
using ServiceDesk.Bot.Database;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Jobs;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.People;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Storage;

namespace ServiceDesk.Tests.Jobs.Support;

/// <summary>
/// The bot's scheduling half as Program.cs composes it (options, database, jobs, outbox API, ticket cards), in a
/// generic host on a real database, with helpers to set up a desk and read what the jobs did. The
/// outbox dispatcher is left out: the tests read what was enqueued, not what a channel received.
/// </summary>
internal sealed class JobsHost : IAsyncDisposable
{
    public const string Requester = "aad-marta";
    public const string Agent = "ana";
    public const string Coordinator = "carla";
    public const string AroundTheClock = "always";
    public const string DeskChannel = "msteams|channel|19:desk@thread.tacv2";
    public const string WorkplaceChannel = "msteams|channel|19:workplace@thread.tacv2";
    public const string RequesterChat = "msteams|user|29:marta";
    public const string AgentChat = "msteams|user|29:ana";
    public const string CoordinatorChat = "msteams|user|29:carla";

    private readonly IHost _host;
    private bool _stopped;

    private JobsHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <param name="database">Where the desk lives: a SQLite connection string, or PostgreSQL with <paramref name="postgres"/>.</param>
    /// <param name="runScheduler">False builds the scheduler but never starts it: the tests call the jobs' logic themselves.</param>
    public static async Task<JobsHost> StartAsync(string database, bool postgres = false, IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null, bool runScheduler = true)
    {
        var folder = Directory.CreateTempSubdirectory("sdjobs-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = postgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:ServiceDesk"] = database,
            ["ServiceDesk:TimeZone"] = "Europe/Madrid",
            ["Surveys:Delay"] = "00:00:02",
            ["Scheduler:MisfireThreshold"] = "00:00:01",
            ["Scheduler:SlaSweepInterval"] = "01:00:00",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services
            .AddDeskOptions(builder.Configuration)
            .AddDeskDatabase(builder.Configuration, builder.Environment)
            .AddDeskJobs(builder.Configuration)
            .AddOutbox(builder.Configuration)
            .AddPeopleDirectory(builder.Configuration)
            .AddTickets(builder.Configuration);
        var dispatcher = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher));
        builder.Services.Remove(dispatcher);
        if (clock is not null) builder.Services.AddSingleton(clock);
        if (!runScheduler) builder.Services.Configure<QuartzHostedServiceOptions>(o => o.AutoStart = false);
        var host = builder.Build();
        await host.StartAsync();
        return new JobsHost(host);
    }

    public static string SqliteFile(string folder) => $"Data Source={Path.Combine(folder, "desk.db")}";

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _host.StopAsync();
        _host.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync(async services => { await work(services); return true; });

    public async Task<IScheduler> SchedulerAsync() => await Get<ISchedulerFactory>().GetScheduler();

    /// <summary>
    /// A 24/7 calendar for second-long SLA targets, an agent and a coordinator who chat with the bot,
    /// a requester who does, and triage channels for the first-level and the workplace groups.
    /// </summary>
    public Task SeedDeskAsync(DateTimeOffset at) => InScopeAsync(async services =>
    {
        await services.GetRequiredService<ISlaRepository>().SaveCalendarAsync(new BusinessCalendar(AroundTheClock, "UTC",
            Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
                .ToDictionary(d => d, IReadOnlyList<WorkingInterval> (_) => [new WorkingInterval(LocalTime.Midnight, LocalTime.Midnight)]),
            []));
        var roster = services.GetRequiredService<IRosterRepository>();
        roster.Add(new Person(Agent, "Ana García", "ana@example.com", Role.Agent, ["service-desk"], aadObjectId: "aad-ana", locale: "en-US"));
        roster.Add(new Person(Coordinator, "Carla Núñez", "carla@example.com", Role.Coordinator, [], aadObjectId: "aad-carla"));
        (await roster.FindGroupAsync("service-desk"))!.UseChannel(new ChannelAddress("msteams", "19:desk@thread.tacv2", "https://smba.test/"));
        (await roster.FindGroupAsync("workplace-l2"))!.UseChannel(new ChannelAddress("msteams", "19:workplace@thread.tacv2", "https://smba.test/"));
        var references = services.GetRequiredService<IConversationReferenceRepository>();
        foreach (var (user, aad, locale) in new[] { ("29:marta", Requester, "es-ES"), ("29:ana", "aad-ana", "en-US"), ("29:carla", "aad-carla", "es-ES") })
            await references.RecordAsync(new ConversationSighting("msteams", ConversationType.Personal, $"a:{user}", "https://smba.test/", at)
            {
                UserId = user,
                UserAadObjectId = aad,
                Locale = locale,
            });
        foreach (var channel in new[] { "19:desk@thread.tacv2", "19:workplace@thread.tacv2" })
            await references.RecordAsync(new ConversationSighting("msteams", ConversationType.Channel, channel, "https://smba.test/", at)
            {
                TeamId = "19:team@thread.tacv2",
                TeamChannelId = channel,
            });
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    });

    /// <summary>An incident of Marta's about her laptop (service "workplace", owned by workplace-l2), counted around the clock unless told.</summary>
    public Task<Guid> OpenTicketAsync(DateTimeOffset at, TimeSpan response, TimeSpan resolution, string locale = "es-ES",
        SupportLevel level = SupportLevel.L1, string group = "service-desk", string calendar = AroundTheClock) => InScopeAsync(async services =>
    {
        var ticket = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "El portátil no arranca", "Desde esta mañana",
            new Requester(Requester, "Marta Ruiz", locale), Impact.Medium, Urgency.Medium, "laptop", "workplace", group, level,
            new TicketSlaTargets("test", calendar, response, resolution), at);
        services.GetRequiredService<ITicketRepository>().Add(ticket);
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return ticket.Id;
    });

    public Task<Ticket> ChangeAsync(Guid ticketId, Action<Ticket> change) => InScopeAsync(async services =>
    {
        var ticket = (await services.GetRequiredService<ITicketRepository>().FindAsync(ticketId))!;
        change(ticket);
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return ticket;
    });

    public Task<Ticket> TicketAsync(Guid ticketId) =>
        InScopeAsync(async services => (await services.GetRequiredService<ITicketRepository>().FindAsync(ticketId))!);

    public Task<List<OutboxMessage>> OutboxAsync() => InScopeAsync(services =>
        services.GetRequiredService<ServiceDeskContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    public Task<List<Survey>> SurveysAsync(Guid ticketId) => InScopeAsync(services =>
        services.GetRequiredService<ServiceDeskContext>().Surveys.AsNoTracking().Where(s => s.TicketId == ticketId).ToListAsync());

    /// <summary>
    /// What a ticket that was warned (claimed by Ana) and then escalated from service-desk to
    /// workplace-l2 leaves in the outbox: the warning refreshes the agent card and tells Ana; the
    /// escalation refreshes the old card, posts a new card and a notice in workplace-l2's channel,
    /// tells Ana and refreshes Marta's card.
    /// </summary>
    public static void AssertWarnedThenEscalated(IReadOnlyList<OutboxMessage> outbox, Ticket ticket)
    {
        Assert.Equal(7, outbox.Count);
        Assert.Single(outbox, m => m.Destination == AgentChat && TextOf(m).Contains("SLA at risk"));
        Assert.Single(outbox, m => m.Destination == AgentChat && TextOf(m).Contains("SLA breached: ticket escalated"));
        Assert.Single(outbox, m => m.Destination == WorkplaceChannel && TextOf(m).Contains("SLA incumplido: ticket escalado"));
        Assert.Single(outbox, m => m.Destination == WorkplaceChannel && m.Operation == OutboxOperation.Send
            && m.CorrelationKey == TicketCards.AgentCardKey(ticket.Number, "workplace-l2"));
        Assert.Equal(2, outbox.Count(m => m.Destination == DeskChannel && m.Operation == OutboxOperation.Update
            && m.CorrelationKey == TicketCards.AgentCardKey(ticket.Number, "service-desk")));
        Assert.Single(outbox, m => m.Destination == RequesterChat && m.Operation == OutboxOperation.Update
            && m.CorrelationKey == TicketCards.RequesterCardKey(ticket.Number));
    }

    /// <summary>Every string of an outbox payload, unescaped (the JSON escapes accents), one per line.</summary>
    public static string TextOf(OutboxMessage message)
    {
        var strings = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o: foreach (var (_, v) in o) Walk(v); break;
                case JsonArray a: foreach (var v in a) Walk(v); break;
                case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String: strings.Add(v.GetValue<string>()); break;
            }
        }
        Walk(JsonNode.Parse(message.Payload));
        return string.Join('\n', strings);
    }

    /// <summary>Polls until <paramref name="done"/> holds; fails the test with <paramref name="what"/> otherwise.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {within}: {what}");
            await Task.Delay(100);
        }
    }
}

/// <summary>A clock the test moves by hand; the jobs' logic reads it through <see cref="TimeProvider"/>.</summary>
internal sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _ticks, at.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
