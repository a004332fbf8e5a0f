using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Storage.Conversations;

internal sealed class ConversationReferenceRepository(ServiceDeskContext db) : IConversationReferenceRepository
{
    public async Task<ConversationReference> RecordAsync(ConversationSighting seen, CancellationToken ct = default)
    {
        // FindAsync looks at what this unit of work already tracks first (several sightings in one turn).
        var reference = await db.ConversationReferences.FindAsync([seen.Key], ct);
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

    public async Task<ConversationReference?> FindAsync(string key, CancellationToken ct = default) =>
        await db.ConversationReferences.FindAsync([key], ct);

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
