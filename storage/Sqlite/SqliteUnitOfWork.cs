using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Sqlite;

/// <summary>
/// A unit of work captured from the change tracker as plain INSERT/UPDATE/DELETE statements, so that
/// <see cref="SqliteWriter"/> can commit it together with other units (a turn: its processed activity,
/// conversation reference, flow state and outbox messages; the dispatcher: a message's outcome).
/// Statements, column names and parameter conversions come from the EF model (the type mappings EF
/// uses), and they check what EF's SaveChanges checks: an UPDATE or DELETE that finds no row with the
/// original key and concurrency tokens is a conflict. What this does not capture is saved by EF as
/// before: new tickets and problems (they are numbered in the transaction), and entities whose rows EF
/// would complete or split (store-generated values, owned or complex types, several tables).
/// </summary>
internal sealed class SqliteUnitOfWork
{
    // Numbered in the transaction by ServiceDeskContext.AssignNumbersAsync.
    private static readonly HashSet<Type> NumberedWhenAdded = [typeof(Ticket), typeof(Problem)];
    private static readonly ConcurrentDictionary<(IEntityType, EntityState, ulong), Statement?> Statements = new();
    private static readonly ConcurrentDictionary<IEntityType, bool> Writable = new();

    private readonly List<(Statement Statement, object?[] Values, EntityEntry Entry)> _writes;

    private SqliteUnitOfWork(List<(Statement, object?[], EntityEntry)> writes) => _writes = writes;

    public IReadOnlyList<EntityEntry> Entries => _writes.Select(w => w.Entry).ToList();

    /// <summary>The tracked changes as statements, or null when some change is not one this class writes.</summary>
    public static SqliteUnitOfWork? Capture(ChangeTracker tracker)
    {
        var writes = new List<(Statement, object?[], EntityEntry)>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.State == EntityState.Added && NumberedWhenAdded.Contains(entry.Metadata.ClrType)) return null;
            if (!Writable.GetOrAdd(entry.Metadata, Statement.IsWritable)) return null;
            var properties = entry.Metadata.GetProperties().ToList();
            if (properties.Count > 64) return null;
            ulong modified = 0;
            if (entry.State == EntityState.Modified)
            {
                for (var i = 0; i < properties.Count; i++)
                    if (entry.Property(properties[i]).IsModified) modified |= 1UL << i;
                if (modified == 0) continue;
            }
            var statement = Statements.GetOrAdd((entry.Metadata, entry.State, modified), static key => Statement.For(key.Item1, key.Item2, key.Item3));
            if (statement is null) return null;
            writes.Add((statement, statement.ValuesOf(entry), entry));
        }
        return new SqliteUnitOfWork(writes);
    }

    /// <summary>Runs in the writer's transaction; the number of rows written.</summary>
    /// <exception cref="RowNotFoundException">An update or delete found no row with the original key and tokens.</exception>
    public int Execute(SqliteWriteSession session)
    {
        var rows = 0;
        foreach (var (statement, values, entry) in _writes)
        {
            var command = session.Command(statement.Sql);
            for (var i = 0; i < values.Length; i++)
                command.Parameters.Add(statement.Parameters[i].CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[i], nullable: true));
            var affected = command.ExecuteNonQuery();
            if (affected != 1) throw new RowNotFoundException(entry);
            rows += affected;
        }
        return rows;
    }

    /// <summary>The row an UPDATE or DELETE was for is gone or was changed by someone else meanwhile.</summary>
    internal sealed class RowNotFoundException(EntityEntry entry) : Exception($"No {entry.Metadata.ClrType.Name} row matched the original values.")
    {
        public EntityEntry Entry { get; } = entry;
    }

    internal sealed class Statement
    {
        private readonly List<(IProperty Property, bool Original)> _values;

        private Statement(string sql, List<(IProperty, bool)> values, List<RelationalTypeMapping> parameters)
        {
            Sql = sql;
            _values = values;
            Parameters = parameters;
        }

        public string Sql { get; }
        public IReadOnlyList<RelationalTypeMapping> Parameters { get; }

        public object?[] ValuesOf(EntityEntry entry)
        {
            var values = new object?[_values.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var (property, original) = _values[i];
                var value = entry.Property(property);
                values[i] = original ? value.OriginalValue : value.CurrentValue;
            }
            return values;
        }

        /// <summary>One table, one entity type in it, every column a plain property whose value the entity holds.</summary>
        public static bool IsWritable(IEntityType type)
        {
            var mappings = type.GetTableMappings().ToList();
            if (mappings.Count != 1 || type.HasSharedClrType || type.IsOwned() || type.GetComplexProperties().Any()
                || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || mappings[0].Table.EntityTypeMappings.Count() != 1
                || type.FindPrimaryKey() is null)
                return false;
            var columns = mappings[0].ColumnMappings.Select(c => c.Property).ToHashSet();
            return type.GetProperties().All(p => columns.Contains(p) && p.ValueGenerated == ValueGenerated.Never
                && p.GetDefaultValueSql() is null && p.GetComputedColumnSql() is null);
        }

        public static Statement? For(IEntityType type, EntityState state, ulong modified)
        {
            if (!IsWritable(type)) return null;
            var mappings = type.GetTableMappings().ToList();
            var table = mappings[0].Table;
            var columns = mappings[0].ColumnMappings.ToDictionary(c => c.Property, c => c);
            var properties = type.GetProperties().ToList();

            var values = new List<(IProperty, bool)>();
            var parameters = new List<RelationalTypeMapping>();
            string Parameter(IProperty property, bool original)
            {
                values.Add((property, original));
                parameters.Add(columns[property].TypeMapping);
                return "@p" + (values.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            string Column(IProperty property) => Quote(columns[property].Column.Name);

            var sql = new StringBuilder();
            var name = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
            switch (state)
            {
                case EntityState.Added:
                    sql.Append("INSERT INTO ").Append(name).Append(" (").AppendJoin(", ", properties.Select(Column)).Append(") VALUES (")
                        .AppendJoin(", ", properties.Select(p => Parameter(p, original: false))).Append(')');
                    break;
                case EntityState.Modified:
                    var set = properties.Where((_, i) => (modified & (1UL << i)) != 0).ToList();
                    if (set.Any(p => p.IsKey())) return null;
                    sql.Append("UPDATE ").Append(name).Append(" SET ").AppendJoin(", ", set.Select(p => $"{Column(p)} = {Parameter(p, original: false)}"));
                    AppendWhere();
                    break;
                case EntityState.Deleted:
                    sql.Append("DELETE FROM ").Append(name);
                    AppendWhere();
                    break;
                default:
                    return null;
            }
            return new Statement(sql.ToString(), values, parameters);

            void AppendWhere()
            {
                var conditions = type.FindPrimaryKey()!.Properties.Select(p => $"{Column(p)} = {Parameter(p, original: true)}")
                    .Concat(properties.Where(p => p.IsConcurrencyToken && !p.IsKey()).Select(p => $"{Column(p)} IS {Parameter(p, original: true)}"));
                sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
            }
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

internal static class SqliteErrors
{
    /// <summary>SQLITE_CONSTRAINT: a key or unique index refused the row.</summary>
    public static bool IsConstraint(Exception e) => e is SqliteException { SqliteErrorCode: 19 };
}
