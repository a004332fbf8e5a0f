using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Storage;

namespace ServiceDesk.Tests.Storage;

/// <summary>The contract on SQLite: each test gets its own database file under a fresh temp folder.</summary>
public sealed class SqliteStorageTests : StorageContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "servicedesk-tests", Guid.NewGuid().ToString("N"));
    private readonly List<string> _connectionStrings = [];
    private int _databases;

    protected override Task<StorageOptions> CreateDatabaseAsync()
    {
        // The first database is relative to BaseDirectory, in a folder that does not exist yet:
        // the initializer must create it, and nothing may depend on the current directory.
        var relative = _databases++ == 0 ? Path.Combine("data", "nested", "servicedesk.db") : $"scratch-{_databases}.db";
        var options = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={relative}", BaseDirectory = _root };
        if (_databases > 1)
        {
            // Like CREATE DATABASE on a server: an empty database that exists.
            Directory.CreateDirectory(_root);
            using var connection = new SqliteConnection($"Data Source={Path.Combine(_root, relative)}");
            connection.Open();
        }
        _connectionStrings.Add($"Data Source={Path.Combine(_root, relative)}");
        return Task.FromResult(options);
    }

    protected override Task DropDatabasesAsync()
    {
        foreach (var cs in _connectionStrings) SqliteConnection.ClearPool(new SqliteConnection(cs));
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    protected override StorageOptions UnreachableDatabase() =>
        new() { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_root, "missing", "none.db")};Mode=ReadWrite" };

    protected override async Task<IReadOnlyList<string>> ReadSchemaAsync(StorageOptions options)
    {
        await using var connection = new SqliteConnection(PathOf(options));
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\' ORDER BY name");
        foreach (var table in tables)
        {
            lines.AddRange(await QueryAsync(connection,
                $"SELECT '{table}.' || name || ' ' || type || CASE WHEN \"notnull\" THEN ' NOT NULL' ELSE '' END || CASE WHEN pk > 0 THEN ' PK' || pk ELSE '' END FROM pragma_table_info('{table}') ORDER BY name"));
            lines.AddRange(await QueryAsync(connection,
                $"SELECT '{table} FK ' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""));
            foreach (var index in await QueryAsync(connection, $"SELECT name || '|' || \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name"))
            {
                var parts = index.Split('|');
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{parts[0]}') ORDER BY seqno");
                lines.Add($"{table} INDEX {parts[0]} ({string.Join(", ", columns)}){(parts[1] == "1" ? " UNIQUE" : "")}");
            }
        }
        return lines;
    }

    [StorageFact]
    public async Task Database_file_is_in_wal_mode_with_busy_timeout_and_foreign_keys()
    {
        Assert.True(File.Exists(Path.Combine(_root, "data", "nested", "servicedesk.db")));
        await using var uow = Begin();
        var connection = uow.Db.Database.GetDbConnection();
        await uow.Db.Database.OpenConnectionAsync();
        try
        {
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal("30000", await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys"));
        }
        finally
        {
            await uow.Db.Database.CloseConnectionAsync();
        }
    }

    [StorageFact]
    public async Task A_unit_of_work_takes_the_write_lock_when_its_transaction_begins()
    {
        // BEGIN IMMEDIATE, not DEFERRED: the counter read-increment and the inserts can never be
        // interleaved with another writer, and a second writer waits (busy_timeout) instead of failing.
        await using var uow = Begin();
        await using var transaction = await uow.Db.Database.BeginTransactionAsync();
        await using var other = new SqliteConnection($"{PathOf(Options)};Default Timeout=1;Pooling=False");
        await other.OpenAsync();
        // One statement per command: Microsoft.Data.Sqlite drops errors of statements that follow a
        // row-returning PRAGMA in the same command.
        await using (var noWait = other.CreateCommand())
        {
            noWait.CommandText = "PRAGMA busy_timeout = 0";
            await noWait.ExecuteNonQueryAsync();
        }
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        var busy = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
    }

    [StorageFact]
    public async Task Instants_are_stored_as_sortable_integers()
    {
        await CreateTicketAsync();
        await using var uow = Begin();
        var connection = uow.Db.Database.GetDbConnection();
        await uow.Db.Database.OpenConnectionAsync();
        try
        {
            Assert.Equal("integer", await ScalarAsync(connection, "SELECT typeof(created_at) FROM tickets"));
            // Microseconds since the Unix epoch.
            Assert.Equal(T0.ToUnixTimeMilliseconds() * 1000, long.Parse(await ScalarAsync(connection, "SELECT created_at FROM tickets"), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await uow.Db.Database.CloseConnectionAsync();
        }
    }

    private string PathOf(StorageOptions options) =>
        $"Data Source={Path.Combine(_root, new SqliteConnectionStringBuilder(options.ConnectionString).DataSource)}";

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
