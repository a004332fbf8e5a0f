using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Storage.Conversations;

internal sealed class ConversationReferenceRepository(ServiceDeskContext db) : IConversationReferenceRepository
{
    public async Task<ConversationReference> RecordAsync(ConversationSighting seen, CancellationToken ct = default)
    {
        var reference = await FindAsync(seen.Key, ct);
        if (reference is null)
        {
            reference = ConversationReference.From(seen);
            db.ConversationReferences.Add(reference);
        }
        else
        {
            reference.Refresh(seen);
        }
        return reference;
    }

    /// <summary>What this unit of work tracks already (several sightings in one turn), else this process's copy, else the database.</summary>
    public async Task<ConversationReference?> FindAsync(string key, CancellationToken ct = default)
    {
        if (db.TrackedReference(key) is { } tracked) return tracked;
        if (db.ReferenceCache is not { } cache) return await db.ConversationReferences.FindAsync([key], ct);
        if (cache.Copy(key, db) is { } copy)
        {
            db.ConversationReferences.Attach(copy);
            return copy;
        }
        var read = await db.ConversationReferences.FindAsync([key], ct);
        if (read is not null) cache.Keep(db.Entry(read));
        return read;
    }

    public async Task<ConversationReference?> FindPersonalAsync(string channelId, string? aadObjectId, string? userId, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(userId)
            && await FindAsync(ConversationReference.KeyFor(channelId, ConversationType.Personal, null, userId), ct) is { } byUser)
            return byUser;
        if (string.IsNullOrWhiteSpace(aadObjectId)) return null;
        return await db.ConversationReferences
            .Where(r => r.ChannelId == channelId && r.Type == ConversationType.Personal && r.UserAadObjectId == aadObjectId)
            .OrderBy(r => r.IsUnreachable).ThenByDescending(r => r.LastSeenAt).ThenBy(r => r.Key)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<ConversationReference>> PersonalReferencesAsync(CancellationToken ct = default) =>
        await db.ConversationReferences.Where(r => r.Type == ConversationType.Personal).OrderBy(r => r.Key).ToListAsync(ct);

    public async Task<bool> MarkUnreachableAsync(string key, string reason, DateTimeOffset at, CancellationToken ct = default)
    {
        var reference = await FindAsync(key, ct);
        reference?.MarkUnreachable(reason, at);
        return reference is not null;
    }
}
