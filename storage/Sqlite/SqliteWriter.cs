using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ServiceDesk.Storage.Sqlite;

/// <summary>
/// Group commit for one SQLite database: this process's units of work are written by one writer, one
/// batch after another, each batch in one transaction. Every unit runs inside its own savepoint, so a
/// unit that fails (a duplicate activity, a stale version) is rolled back alone and its caller gets the
/// error, while the others commit; a caller's task completes only after the batch's COMMIT returned,
/// so what it was told is committed is as durable as <see cref="SqliteSynchronous"/> says. Concurrent
/// turns then share one transaction (and one fsync with <see cref="SqliteSynchronous.Full"/>) instead
/// of queueing on SQLite's write lock, whose busy handler sleeps in milliseconds.
/// </summary>
internal sealed class SqliteWriter
{
    private const int MaxBatch = 256;
    // A writer that saw no work for this long gives its connection back to the pool.
    private static readonly TimeSpan KeepOpen = TimeSpan.FromMilliseconds(500);
    private static readonly ConcurrentDictionary<(string, SqliteSynchronous), SqliteWriter> Writers = new();

    private readonly Channel<SqliteWrite> _queue = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly SqliteSynchronous _synchronous;
    private int _started;

    private SqliteWriter(string connectionString, SqliteSynchronous synchronous)
    {
        _connectionString = connectionString;
        _synchronous = synchronous;
    }

    /// <summary>The writer of this database file (one per connection string in the process).</summary>
    public static SqliteWriter For(string connectionString, SqliteSynchronous synchronous) =>
        Writers.GetOrAdd((connectionString, synchronous), static key => new SqliteWriter(key.Item1, key.Item2));

    /// <summary>True when the connection string names a database file that several connections share (not an in-memory one).</summary>
    public static bool CanWrite(string? connectionString) =>
        connectionString is not null && FileDatabases.GetOrAdd(connectionString,
            static cs => StorageOptions.SqliteFilePath(new SqliteConnectionStringBuilder(cs)) is not null);

    private static readonly ConcurrentDictionary<string, bool> FileDatabases = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="work"/> in the next batch's transaction (inside its own savepoint) and completes
    /// after that batch committed. An exception thrown by the work rolls back the work alone and is rethrown
    /// here. Once queued the work is not cancelled: a caller must not be told "failed" about a unit that commits.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriteSession, T> work, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var write = new SqliteWrite<T>(work);
        _queue.Writer.TryWrite(write);
        if (_started == 0 && Interlocked.Exchange(ref _started, 1) == 0)
            _ = Task.Factory.StartNew(LoopAsync, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default).Unwrap();
        return write.Task;
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<SqliteWrite>(MaxBatch);
        SqliteWriteSession? session = null;
        while (true)
        {
            if (!reader.TryPeek(out _))
            {
                if (session is null)
                {
                    await reader.WaitToReadAsync().ConfigureAwait(false);
                }
                else
                {
                    using var idle = new CancellationTokenSource(KeepOpen);
                    try
                    {
                        await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        session.Dispose();
                        session = null;
                        continue;
                    }
                }
            }
            while (batch.Count < MaxBatch && reader.TryRead(out var write)) batch.Add(write);
            if (batch.Count == 0) continue;
            try
            {
                session ??= SqliteWriteSession.Open(_connectionString, _synchronous);
                Commit(session, batch);
            }
            catch (Exception failure)
            {
                // The batch as a whole failed (BEGIN or COMMIT could not get the lock, the disk is full):
                // nothing of it was committed; every caller not answered yet gets the error.
                foreach (var write in batch) write.Fail(failure);
                session?.Dispose();
                session = null;
            }
            batch.Clear();
        }
    }

    private static void Commit(SqliteWriteSession session, List<SqliteWrite> batch)
    {
        // Callers hear of their unit after the COMMIT, failures too: a unit refused because of a row
        // another unit of the same batch wrote must find that row when it looks why.
        var failed = new List<(SqliteWrite Write, Exception Failure)>();
        try
        {
            using (var transaction = session.Begin())
            {
                foreach (var write in batch)
                {
                    session.Run(SqliteWriteSession.Savepoint);
                    try
                    {
                        write.Run(session);
                    }
                    catch (Exception unitFailure)
                    {
                        // Undo this unit only; when even that fails the transaction is gone and the batch fails.
                        session.Run(SqliteWriteSession.RollbackToSavepoint);
                        session.Run(SqliteWriteSession.ReleaseSavepoint);
                        failed.Add((write, unitFailure));
                        continue;
                    }
                    session.Run(SqliteWriteSession.ReleaseSavepoint);
                }
                transaction.Commit();
                session.End();
            }
        }
        finally
        {
            foreach (var (write, failure) in failed) write.Fail(failure);
        }
        foreach (var write in batch) write.Complete();
    }
}

/// <summary>PRAGMA synchronous of the writer's connection (WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// The WAL is synced at checkpoints only: a commit survives the process crashing or being killed,
    /// not a power loss or an operating system crash, after which the last commits may be missing
    /// (the database stays consistent).
    /// </summary>
    Normal,
    /// <summary>The WAL is synced at every commit (of a whole batch): a commit survives a power loss too.</summary>
    Full,
}

/// <summary>The <c>Storage:Sqlite</c> section.</summary>
public sealed class SqliteWriteOptions
{
    public const string Section = "Storage:Sqlite";

    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;
}

/// <summary>The writer's connection, its open transaction and its prepared commands.</summary>
internal sealed class SqliteWriteSession : IDisposable
{
    internal const string Savepoint = "SAVEPOINT unit";
    internal const string RollbackToSavepoint = "ROLLBACK TO unit";
    internal const string ReleaseSavepoint = "RELEASE unit";

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    private SqliteWriteSession(SqliteConnection connection) => _connection = connection;

    public static SqliteWriteSession Open(string connectionString, SqliteSynchronous synchronous)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            foreach (var pragma in new[]
                     {
                         $"PRAGMA busy_timeout = {SqliteConnectionSetup.BusyTimeoutMilliseconds};",
                         $"PRAGMA synchronous = {(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};",
                         // The writer's connection lives as long as there is work: a cache that holds the indexes
                         // it inserts into at random (GUID and activity ids) instead of re-reading their pages.
                         "PRAGMA cache_size = -65536;",
                         SqliteConnectionSetup.MemoryMap,
                     })
            {
                using var command = connection.CreateCommand();
                command.CommandText = pragma;
                command.ExecuteNonQuery();
            }
            return new SqliteWriteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>BEGIN IMMEDIATE: the batch holds the write lock from its first statement on.</summary>
    internal SqliteTransaction Begin() => _transaction = _connection.BeginTransaction(deferred: false);

    internal void End() => _transaction = null;

    /// <summary>The prepared command for <paramref name="sql"/> in the current transaction, without parameters.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = _transaction;
        command.Parameters.Clear();
        return command;
    }

    internal void Run(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        _connection.Dispose();
    }
}

internal abstract class SqliteWrite
{
    public abstract void Run(SqliteWriteSession session);
    public abstract void Complete();
    public abstract void Fail(Exception failure);
}

internal sealed class SqliteWrite<T>(Func<SqliteWriteSession, T> work) : SqliteWrite
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override void Run(SqliteWriteSession session) => _result = work(session);

    /// <summary>No effect on a write that failed already.</summary>
    public override void Complete() => _completion.TrySetResult(_result);

    public override void Fail(Exception failure) => _completion.TrySetException(failure);
}
