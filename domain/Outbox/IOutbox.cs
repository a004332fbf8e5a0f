namespace ServiceDesk.Domain.Outbox;

/// <summary>Where flows and handlers leave what the bot will say; saved with their unit of work.</summary>
public interface IOutbox
{
    void Enqueue(OutboxMessage message);
}

/// <summary>The dispatcher's view of the outbox.</summary>
public interface IOutboxStore
{
    /// <summary>Pending messages whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default);

    Task<OutboxMessage?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>The channel id of the last message sent under this correlation key, so updates edit it.</summary>
    Task<string?> SentMessageIdAsync(string correlationKey, CancellationToken ct = default);
}
