using Npgsql;
using ServiceDesk.Storage;

namespace ServiceDesk.Tests.Storage;

/// <summary>
/// The contract on PostgreSQL: each test creates its own database (sd_test_&lt;guid&gt;) on the
/// server named by SERVICEDESK_TEST_PG (tests/pg.sh starts one) and drops it afterwards.
/// </summary>
[RequiresPostgres]
public sealed class PostgresStorageTests : StorageContractTests
{
    private readonly List<string> _databases = [];

    private static string Server => TestPostgres.ConnectionString
        ?? throw new InvalidOperationException($"{TestPostgres.Variable} is not set and CI=true: the PostgreSQL storage tests need a server (eval \"$(tests/pg.sh start)\").");

    protected override async Task<StorageOptions> CreateDatabaseAsync()
    {
        var name = $"sd_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _databases.Add(name);
        // The parallel-numbering test opens many connections at once; stay well under max_connections.
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = 40 };
        return new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = builder.ConnectionString };
    }

    protected override async Task DropDatabasesAsync()
    {
        if (_databases.Count == 0) return;
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = 40 }.ConnectionString));
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    protected override StorageOptions UnreachableDatabase() =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3" };

    protected override async Task<IReadOnlyList<string>> ReadSchemaAsync(StorageOptions options)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        await ReadAsync(connection, lines, """
            SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE '\_\_EF%' AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY 1
            """);
        await ReadAsync(connection, lines, """
            SELECT tc.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class tc ON tc.oid = con.conrelid JOIN pg_namespace n ON n.oid = tc.relnamespace
            WHERE n.nspname = 'public' AND tc.relname NOT LIKE '\_\_EF%'
            ORDER BY 1
            """);
        await ReadAsync(connection, lines, """
            SELECT tablename || ' ' || indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
            ORDER BY 1
            """);
        return lines;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, List<string> lines, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
    }
}
