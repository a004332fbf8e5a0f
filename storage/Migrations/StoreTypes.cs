using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>
/// One migration set serves both providers; only column types differ, and they must be the
/// types the model maps to on each (the schema test checks migrated == model).
/// </summary>
internal sealed class StoreTypes
{
    private readonly bool _postgres;

    public StoreTypes(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql()) _postgres = true;
        else if (!migrationBuilder.IsSqlite())
            throw new NotSupportedException($"No column types for provider {migrationBuilder.ActiveProvider}.");
    }

    public string Text => _postgres ? "text" : "TEXT";
    public string Guid => _postgres ? "uuid" : "TEXT";
    public string Int => _postgres ? "integer" : "INTEGER";
    public string Long => _postgres ? "bigint" : "INTEGER";
    public string Bool => _postgres ? "boolean" : "INTEGER";
    /// <summary>DateTimeOffset: timestamptz, or microseconds since the Unix epoch on SQLite.</summary>
    public string Instant => _postgres ? "timestamp with time zone" : "INTEGER";
    public string Duration => _postgres ? "interval" : "TEXT";
    /// <summary>List&lt;string&gt;: a native array, or a JSON array on SQLite.</summary>
    public string TextList => _postgres ? "text[]" : "TEXT";
    public string GuidList => _postgres ? "uuid[]" : "TEXT";
}
