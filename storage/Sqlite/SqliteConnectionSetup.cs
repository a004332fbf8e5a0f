using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServiceDesk.Storage.Sqlite;

/// <summary>
/// busy_timeout is per connection: SQLite's own busy handler retries in small steps while another
/// writer holds the lock, where Microsoft.Data.Sqlite alone would sleep 150 ms between retries.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 30_000;
    private const string Pragmas = "PRAGMA busy_timeout = 30000;";

    /// <summary>
    /// Pages are read through a memory map rather than copied in by read(2): a connection's page cache is
    /// emptied whenever another connection committed, so under load readers fetch most pages again.
    /// </summary>
    internal const string MemoryMap = "PRAGMA mmap_size = 268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        foreach (var pragma in new[] { Pragmas, MemoryMap })
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var pragma in new[] { Pragmas, MemoryMap })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Creates the database file's folder and switches the file to WAL (a persistent setting).</summary>
    public static async Task PrepareFileAsync(string connectionString, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var path = StorageOptions.SqliteFilePath(builder);
        if (path is null) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // WAL lets readers proceed while one writer commits; it needs no transaction around it.
        // One statement per command: Microsoft.Data.Sqlite can drop the error of a statement that
        // follows a row-returning PRAGMA in the same command.
        foreach (var pragma in new[] { Pragmas, "PRAGMA journal_mode = WAL;" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
