namespace ServiceDesk.Domain.Conversations;

/// <summary>The conversations the bot can speak in. Changes are saved with the unit of work.</summary>
public interface IConversationReferenceRepository
{
    /// <summary>Creates the reference of what was seen, or refreshes it; tracked, so the caller's unit of work saves it.</summary>
    Task<ConversationReference> RecordAsync(ConversationSighting seen, CancellationToken ct = default);

    Task<ConversationReference?> FindAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// The person's personal reference in a channel, by Entra object id or by the channel's id of the
    /// person; the reachable and most recently seen one when several match.
    /// </summary>
    Task<ConversationReference?> FindPersonalAsync(string channelId, string? aadObjectId, string? userId, CancellationToken ct = default);

    /// <summary>Every personal reference (for announcements to everyone), reachable or not, by key.</summary>
    Task<IReadOnlyList<ConversationReference>> PersonalReferencesAsync(CancellationToken ct = default);

    /// <summary>Marks the reference unreachable; false when there is no such reference.</summary>
    Task<bool> MarkUnreachableAsync(string key, string reason, DateTimeOffset at, CancellationToken ct = default);
}
