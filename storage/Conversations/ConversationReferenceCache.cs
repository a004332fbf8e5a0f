using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Storage.Conversations;

/// <summary>
/// The conversation references as this process last read or committed them, so that a turn (and the
/// sender of its reply) finds its reference without a query. Each unit of work gets its own copy. Only
/// a shortcut: every change a unit of work here commits replaces the copy, a unit that fails forgets the
/// references it touched, and an update still carries the version it was read at, so a reference changed
/// by another process makes that update a conflict and the turn runs again on what the database holds.
/// Used with the SQLite writer only, where one process owns the database.
/// </summary>
internal sealed class ConversationReferenceCache
{
    private const int Capacity = 20_000;
    private static readonly ConcurrentDictionary<string, ConversationReferenceCache> Caches = new(StringComparer.Ordinal);

    // Plain copies, never tracked: each unit of work gets a new copy of one (Copy).
    private readonly ConcurrentDictionary<string, ConversationReference> _kept = new(StringComparer.Ordinal);

    /// <summary>The cache of one database (by connection string).</summary>
    public static ConversationReferenceCache For(string connectionString) =>
        Caches.GetOrAdd(connectionString, static _ => new ConversationReferenceCache());

    /// <summary>A new copy of the kept reference for <paramref name="db"/> (not tracked yet), or null.</summary>
    public ConversationReference? Copy(string key, DbContext db) =>
        _kept.TryGetValue(key, out var kept) ? (ConversationReference)db.Entry(kept).CurrentValues.ToObject() : null;

    /// <summary>
    /// Keeps the entry's current values as a read would return them (through the columns' conversions,
    /// e.g. instants in UTC), unless a newer version is kept already (a read that lost a race with a commit).
    /// </summary>
    public void Keep(EntityEntry<ConversationReference> entry)
    {
        var values = entry.CurrentValues.Clone();
        foreach (var property in values.Properties)
            if (property.GetTypeMapping().Converter is { } converter && values[property] is { } value)
                values[property] = converter.ConvertFromProvider(converter.ConvertToProvider(value));
        var copy = (ConversationReference)values.ToObject();
        if (_kept.Count >= Capacity) _kept.Clear();
        _kept.AddOrUpdate(copy.Key, copy, (_, kept) => kept.Version > copy.Version ? kept : copy);
    }

    public void Forget(string key) => _kept.TryRemove(key, out _);
}
