using Microsoft.Data.Sqlite;

namespace ServiceDesk.Storage;

public enum StorageProvider { Sqlite, Postgres }

public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = "";

    /// <summary>Relative SQLite paths resolve against this (the host passes its content root), never the current directory.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>
    /// Applies the defaults of design.md §5 to raw configuration values (<c>Storage:Provider</c>,
    /// <c>ConnectionStrings:ServiceDesk</c>): SQLite file <c>data/servicedesk.db</c> under the content root.
    /// </summary>
    public static StorageOptions FromSettings(string? provider, string? connectionString, string contentRoot)
    {
        var kind = StorageProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse(provider.Trim(), ignoreCase: true, out kind))
            throw new ArgumentException($"Storage:Provider '{provider}' is not one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.", nameof(provider));
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (kind == StorageProvider.Postgres)
                throw new ArgumentException("Storage:Provider Postgres needs ConnectionStrings:ServiceDesk.", nameof(connectionString));
            connectionString = $"Data Source={Path.Combine(contentRoot, "data", "servicedesk.db")}";
        }
        return new StorageOptions { Provider = kind, ConnectionString = connectionString, BaseDirectory = contentRoot };
    }

    /// <summary>The connection string actually used: SQLite paths made absolute.</summary>
    internal string EffectiveConnectionString()
    {
        if (Provider != StorageProvider.Sqlite) return ConnectionString;
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        var path = SqliteFilePath(builder);
        if (path is not null && !Path.IsPathRooted(path))
            builder.DataSource = Path.GetFullPath(Path.Combine(BaseDirectory ?? Environment.CurrentDirectory, path));
        return builder.ToString();
    }

    /// <summary>The database file of a SQLite connection string, or null for in-memory databases.</summary>
    internal static string? SqliteFilePath(SqliteConnectionStringBuilder builder)
    {
        var source = builder.DataSource;
        if (string.IsNullOrWhiteSpace(source) || builder.Mode == SqliteOpenMode.Memory
            || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return null;
        return source;
    }
}
