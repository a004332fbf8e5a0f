using System.Data.Common;

namespace ServiceDesk.Storage.Numbering;

/// <summary>
/// Gapless numbers: the counter row is incremented inside the caller's transaction, so a rollback
/// gives the numbers back and a concurrent allocator waits for the commit (PostgreSQL: the
/// UPDATE's row lock; SQLite: the writer lock taken by BEGIN IMMEDIATE). The SQL is the same on
/// both (UPDATE ... RETURNING needs SQLite 3.35+, which the bundled e_sqlite3 is).
/// </summary>
internal static class NumberAllocator
{
    /// <summary>Reserves <paramref name="count"/> numbers and returns the first.</summary>
    public static async Task<long> ReserveAsync(DbConnection connection, DbTransaction transaction, string kind, int count, CancellationToken ct)
    {
        var last = await IncrementAsync(connection, transaction, kind, count, ct);
        if (last is null)
        {
            // First number of this kind ever: create the row; a racing creator makes this a no-op.
            await using var insert = Command(connection, transaction,
                "INSERT INTO number_counters (kind, last_value) VALUES (@kind, 0) ON CONFLICT (kind) DO NOTHING", kind);
            await insert.ExecuteNonQueryAsync(ct);
            last = await IncrementAsync(connection, transaction, kind, count, ct)
                ?? throw new InvalidOperationException($"number_counters has no row for {kind}.");
        }
        return last.Value - count + 1;
    }

    private static async Task<long?> IncrementAsync(DbConnection connection, DbTransaction transaction, string kind, int count, CancellationToken ct)
    {
        await using var update = Command(connection, transaction,
            "UPDATE number_counters SET last_value = last_value + @count WHERE kind = @kind RETURNING last_value", kind);
        var countParameter = update.CreateParameter();
        countParameter.ParameterName = "@count";
        countParameter.Value = (long)count;
        update.Parameters.Add(countParameter);
        var result = await update.ExecuteScalarAsync(ct);
        return result is null or DBNull ? null : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, string kind)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@kind";
        parameter.Value = kind;
        command.Parameters.Add(parameter);
        return command;
    }
}
