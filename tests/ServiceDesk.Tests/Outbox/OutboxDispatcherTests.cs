using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Storage;
using ServiceDesk.Tests.Channels.Teams.Support;
using ServiceDesk.Tests.Storage;

namespace ServiceDesk.Tests.Outbox;

/// <summary>
/// The dispatcher against a real database and a scripted channel: order per conversation, wake-up on
/// commit, retries, unreachable recipients, dead letters, shutdown, and several instances at once.
/// Runs on SQLite and (with SERVICEDESK_TEST_PG) on PostgreSQL.
/// </summary>
public abstract class OutboxDispatcherTests : IAsyncLifetime
{
    private const string Channel = "scripted";
    private readonly List<ServiceProvider> _instances = [];

    protected StorageOptions Database { get; private set; } = null!;
    internal ScriptedChannel Sent { get; } = new();
    internal TestLogs Logs { get; } = new();

    protected abstract Task<StorageOptions> CreateDatabaseAsync();
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        await using var migrate = new ServiceCollection().AddServiceDeskStorage(Database).BuildServiceProvider();
        await DatabaseInitializer.MigrateAsync(migrate);
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await StopAsync(instance);
        await DropDatabaseAsync();
    }

    /// <summary>One bot instance: storage, the outbox and the scripted channel, its dispatcher running.</summary>
    private async Task<ServiceProvider> StartInstanceAsync(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:RetryBaseDelay"] = "00:00:00.050",
            ["Outbox:RetryMaxDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug))
            .AddServiceDeskStorage(Database)
            .AddOutbox(configuration);
        services.AddKeyedSingleton<IOutboundChannel>(Channel, Sent);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(default);
        _instances.Add(provider);
        return provider;
    }

    private static async Task StopAsync(ServiceProvider instance)
    {
        foreach (var hosted in instance.GetServices<IHostedService>()) await hosted.StopAsync(default);
        await instance.DisposeAsync();
    }

    private async Task<List<OutboxMessage>> EnqueueAsync(IServiceProvider services, params (string Conversation, string Text)[] messages)
    {
        await using var scope = services.CreateAsyncScope();
        var outbound = scope.ServiceProvider.GetRequiredService<IOutbound>();
        foreach (var (conversation, text) in messages)
            outbound.Send(new OutboundTarget($"{Channel}|user|{conversation}"), OutboundMessage.FromText(text));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        return await AllAsync(services);
    }

    private static async Task<List<OutboxMessage>> AllAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            scope.ServiceProvider.GetRequiredService<ServiceDeskContext>().OutboxMessages);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }

    private async Task WaitForStatesAsync(IServiceProvider services, Func<IReadOnlyList<OutboxMessage>, bool> done) =>
        await WaitUntilAsync(async () => done(await AllAsync(services)));

    [StorageFact]
    public async Task Each_conversation_gets_its_messages_in_order_while_conversations_go_in_parallel()
    {
        Sent.Delay = TimeSpan.FromMilliseconds(30);
        var bot = await StartInstanceAsync();
        var conversations = new[] { "a", "b", "c", "d" };
        // Two units of work, interleaved conversations.
        await EnqueueAsync(bot, conversations.SelectMany(c => Enumerable.Range(1, 3).Select(i => (c, $"{c}{i}"))).ToArray());
        await EnqueueAsync(bot, conversations.SelectMany(c => Enumerable.Range(4, 2).Select(i => (c, $"{c}{i}"))).ToArray());

        await WaitForStatesAsync(bot, all => all.All(m => m.State == OutboxState.Sent));

        foreach (var c in conversations)
            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{c}{i}"), Sent.TextsTo($"{Channel}|user|{c}"));
        Assert.Equal(1, Sent.MostInFlightPerConversation);
        Assert.True(Sent.MostInFlight > 1, "different conversations should be sent at the same time");
    }

    [StorageFact]
    public async Task A_commit_wakes_the_dispatcher_without_waiting_for_the_poll()
    {
        var bot = await StartInstanceAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:10:00" });
        await Task.Delay(300); // the dispatcher is asleep now

        await EnqueueAsync(bot, ("a", "hello"));

        await WaitUntilAsync(() => Task.FromResult(Sent.Count == 1), TimeSpan.FromSeconds(3));
    }

    [StorageFact]
    public async Task A_backlog_it_was_not_told_about_is_sent_back_to_back_without_waiting_for_the_poll()
    {
        Sent.Delay = TimeSpan.FromMilliseconds(2);
        // Another instance (not sending) committed them: this dispatcher only finds them in the table.
        var other = await StartInstanceAsync(new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        var conversations = new[] { "a", "b", "c", "d", "e" };
        for (var round = 0; round < 20; round++)
            await EnqueueAsync(other, conversations.Select(c => (c, $"{c}{round}")).ToArray());

        // A poll interval far longer than the bound: a conversation that waited for it would fail the test.
        var bot = await StartInstanceAsync(new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:10:00" });

        await WaitUntilAsync(() => Task.FromResult(Sent.Count == 100), TimeSpan.FromSeconds(10));
        foreach (var c in conversations)
            Assert.Equal(Enumerable.Range(0, 20).Select(i => $"{c}{i}"), Sent.TextsTo($"{Channel}|user|{c}"));
        Assert.Equal(1, Sent.MostInFlightPerConversation);
        await WaitForStatesAsync(bot, all => all.All(m => m.State == OutboxState.Sent));
    }

    [StorageFact]
    public async Task A_transient_failure_is_retried_after_the_channels_Retry_After()
    {
        Sent.Script(_ => throw new DeliveryFailedException(DeliveryFailure.Transient, "429", retryAfter: TimeSpan.FromMilliseconds(600)));
        var bot = await StartInstanceAsync();

        await EnqueueAsync(bot, ("a", "hello"));

        await WaitForStatesAsync(bot, all => all.Single().State == OutboxState.Sent);
        var attempts = Sent.Attempts;
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(590), $"retried after {attempts[1].At - attempts[0].At}");
        Assert.Equal(2, (await AllAsync(bot)).Single().Attempts);
    }

    [StorageFact]
    public async Task A_message_that_keeps_failing_is_given_up_after_the_bounded_attempts()
    {
        Sent.Script(Enumerable.Repeat<Func<OutboxMessage, string?>>(_ => throw new DeliveryFailedException(DeliveryFailure.Transient, "503 Service Unavailable"), 3).ToArray());
        var bot = await StartInstanceAsync(new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3" });

        await EnqueueAsync(bot, ("a", "hello"), ("a", "after it"));

        await WaitForStatesAsync(bot, all => all.All(m => m.State != OutboxState.Pending));
        var all = await AllAsync(bot);
        var failed = Assert.Single(all, m => m.State == OutboxState.Failed);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal("503 Service Unavailable", failed.LastError);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("given up after 3 attempt(s)"));
        Assert.Equal(3, Sent.Attempts.Count(a => a.Text == "hello"));
        // A dead letter does not hold the conversation back.
        Assert.Equal(OutboxState.Sent, Assert.Single(all, m => m.Id != failed.Id).State);
    }

    [StorageFact]
    public async Task A_permanent_failure_is_a_dead_letter_at_once_and_so_is_an_unknown_channel()
    {
        Sent.Script(_ => throw new DeliveryFailedException(DeliveryFailure.Permanent, "413 MessageSizeTooBig"));
        var bot = await StartInstanceAsync();
        await using (var scope = bot.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IOutbound>().Send(new OutboundTarget("carrier-pigeon|user|x"), OutboundMessage.FromText("coo"));
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        }
        await EnqueueAsync(bot, ("a", "too big"));

        await WaitForStatesAsync(bot, all => all.All(m => m.State == OutboxState.Failed));
        var all = await AllAsync(bot);
        Assert.All(all, m => Assert.Equal(1, m.Attempts));
        Assert.Contains(all, m => m.LastError!.Contains("No sender is registered for channel 'carrier-pigeon'"));
    }

    [StorageFact]
    public async Task An_unreachable_recipient_is_not_retried_and_the_conversation_is_marked()
    {
        var bot = await StartInstanceAsync();
        await using (var scope = bot.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IConversationReferenceRepository>().RecordAsync(
                new ConversationSighting(Channel, ConversationType.Personal, "chat-a", "http://127.0.0.1:9/", DateTimeOffset.UtcNow) { UserId = "a" });
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        }
        Sent.Script(_ => throw new DeliveryFailedException(DeliveryFailure.Unreachable, "User blocked the bot", "MessageWritesBlocked"));

        await EnqueueAsync(bot, ("a", "hello"));

        await WaitForStatesAsync(bot, all => all.Single().State == OutboxState.Unreachable);
        await Task.Delay(300);
        Assert.Single(Sent.Attempts);
        await using var read = bot.CreateAsyncScope();
        var reference = (await read.ServiceProvider.GetRequiredService<IConversationReferenceRepository>().FindAsync($"{Channel}|user|a"))!;
        Assert.True(reference.IsUnreachable);
        Assert.Equal("MessageWritesBlocked", reference.UnreachableReason);
        Assert.False(await read.ServiceProvider.GetRequiredService<IOutbound>().SendToPersonAsync(Channel, null, "a", OutboundMessage.FromText("again")));
    }

    [StorageFact]
    public async Task Stopping_gives_the_claim_back_and_the_next_start_sends_the_message()
    {
        var release = new TaskCompletionSource();
        Sent.Script(async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return "never";
        });
        var first = await StartInstanceAsync();
        await EnqueueAsync(first, ("a", "hello"));
        await WaitUntilAsync(() => Task.FromResult(Sent.Attempts.Count == 1));

        await StopAsync(first);
        _instances.Remove(first);
        var pending = (await AllAsync(await StartInstanceAsync(new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" }))).Single();
        Assert.Equal(OutboxState.Pending, pending.State);
        Assert.Equal(0, pending.Attempts);

        var second = await StartInstanceAsync();
        await WaitForStatesAsync(second, all => all.Single().State == OutboxState.Sent);
        Assert.Equal(2, Sent.Attempts.Count);
    }

    [StorageFact]
    public async Task Several_instances_send_each_message_exactly_once_and_in_order()
    {
        Sent.Delay = TimeSpan.FromMilliseconds(5);
        var instances = new List<ServiceProvider>();
        for (var i = 0; i < 3; i++) instances.Add(await StartInstanceAsync());
        var conversations = Enumerable.Range(0, 8).Select(i => $"c{i}").ToArray();
        // Each instance enqueues (and is woken by) its own units of work; all three claim from one table.
        await Task.WhenAll(instances.Select((instance, n) =>
            EnqueueAsync(instance, conversations.SelectMany(c => Enumerable.Range(0, 4).Select(k => (c, $"{c}-{n}-{k}"))).ToArray())));

        await WaitForStatesAsync(instances[0], all => all.Count == 96 && all.All(m => m.State == OutboxState.Sent), TimeSpan.FromSeconds(60));

        Assert.Equal(96, Sent.Count);
        Assert.Equal(96, Sent.Attempts.Select(a => a.MessageId).Distinct().Count());
        Assert.Equal(1, Sent.MostInFlightPerConversation);
        foreach (var c in conversations)
        {
            var sent = Sent.TextsTo($"{Channel}|user|{c}");
            // Each unit of work's messages keep their order within the conversation.
            for (var n = 0; n < 3; n++)
                Assert.Equal(Enumerable.Range(0, 4).Select(k => $"{c}-{n}-{k}"), sent.Where(t => t.StartsWith($"{c}-{n}-", StringComparison.Ordinal)));
        }
    }

    private Task WaitForStatesAsync(IServiceProvider services, Func<IReadOnlyList<OutboxMessage>, bool> done, TimeSpan timeout) =>
        WaitUntilAsync(async () => done(await AllAsync(services)), timeout);
}

public sealed class SqliteOutboxDispatcherTests : OutboxDispatcherTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdbot-outbox-").FullName;

    protected override Task<StorageOptions> CreateDatabaseAsync() =>
        Task.FromResult(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "outbox.db")}" });

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

[RequiresPostgres]
public sealed class PostgresOutboxDispatcherTests : OutboxDispatcherTests
{
    private readonly string _name = $"sd_outbox_{Guid.NewGuid():N}";

    private static string Server => TestPostgres.ConnectionString
        ?? throw new InvalidOperationException($"{TestPostgres.Variable} is not set (eval \"$(tests/pg.sh start)\").");

    protected override async Task<StorageOptions> CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        await create.ExecuteNonQueryAsync();
        return new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name, MaxPoolSize = 20 }.ConnectionString,
        };
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A channel that records what it was given and answers from a script (then succeeds).</summary>
internal sealed class ScriptedChannel : IOutboundChannel
{
    private readonly ConcurrentQueue<Func<OutboxMessage, CancellationToken, Task<string?>>> _script = new();
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _inFlightPerConversation = new();
    private int _inFlight;
    private int _mostInFlight;
    private int _mostInFlightPerConversation;
    private int _sent;

    public sealed record Attempt(Guid MessageId, string Destination, string? Text, DateTimeOffset At);

    public TimeSpan Delay { get; set; }
    public IReadOnlyList<Attempt> Attempts => _attempts.ToList();
    public int Count => Volatile.Read(ref _sent);
    public int MostInFlight => Volatile.Read(ref _mostInFlight);
    public int MostInFlightPerConversation => Volatile.Read(ref _mostInFlightPerConversation);

    public void Script(params Func<OutboxMessage, string?>[] outcomes)
    {
        foreach (var outcome in outcomes) _script.Enqueue((m, _) => Task.FromResult(outcome(m)));
    }

    public void Script(Func<OutboxMessage, CancellationToken, Task<string?>> outcome) => _script.Enqueue(outcome);

    public IReadOnlyList<string> TextsTo(string destination) =>
        _attempts.Where(a => a.Destination == destination).Select(a => a.Text!).ToList();

    public async Task<string?> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var text = OutboxPayload.Deserialize(message.Payload).Message?.Text;
        _attempts.Enqueue(new Attempt(message.Id, message.Destination, text, DateTimeOffset.UtcNow));
        var inFlight = Interlocked.Increment(ref _inFlight);
        var inConversation = _inFlightPerConversation.AddOrUpdate(message.Destination, 1, (_, n) => n + 1);
        Max(ref _mostInFlight, inFlight);
        Max(ref _mostInFlightPerConversation, inConversation);
        try
        {
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ct);
            var id = _script.TryDequeue(out var scripted) ? await scripted(message, ct) : "sent-" + message.Id;
            Interlocked.Increment(ref _sent);
            return id;
        }
        finally
        {
            _inFlightPerConversation.AddOrUpdate(message.Destination, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void Max(ref int field, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref field)) < value && Interlocked.CompareExchange(ref field, value, seen) != seen) { }
    }
}
