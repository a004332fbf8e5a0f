namespace ServiceDesk.Domain.Outbox;

public enum OutboxOperation { Send, Update, Delete }

public enum OutboxState { Pending, Sent, Failed, Unreachable }

/// <summary>
/// Something the bot will say, stored in the same transaction as the change that caused it and
/// sent later by a dispatcher. Destination and payload are opaque here: the channel adapters own
/// their meaning.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(Guid id, string destination, OutboxOperation operation, string payload, DateTimeOffset now,
        string? targetMessageId = null, string? correlationKey = null)
    {
        if (string.IsNullOrWhiteSpace(destination)) throw new DomainException("outbox.destination", "A message needs a destination.");
        Id = id;
        Destination = destination;
        Operation = operation;
        Payload = payload;
        TargetMessageId = targetMessageId;
        CorrelationKey = correlationKey;
        CreatedAt = now;
        NextAttemptAt = now;
        State = OutboxState.Pending;
    }

    public Guid Id { get; private set; }
    public string Destination { get; private set; } = "";
    public OutboxOperation Operation { get; private set; }
    public string Payload { get; private set; } = "";
    /// <summary>The channel's id of the message to update or delete.</summary>
    public string? TargetMessageId { get; private set; }
    /// <summary>Lets a later update find the message this one created (e.g. "card of INC-000042").</summary>
    public string? CorrelationKey { get; private set; }
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? SentMessageId { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(string? sentMessageId, DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        State = OutboxState.Sent;
        SentAt = now;
        SentMessageId = sentMessageId;
        LastError = null;
    }

    public void ScheduleRetry(string error, DateTimeOffset nextAttemptAt)
    {
        EnsurePending();
        Attempts++;
        LastError = error;
        NextAttemptAt = nextAttemptAt;
    }

    public void MarkFailed(string error)
    {
        EnsurePending();
        Attempts++;
        State = OutboxState.Failed;
        LastError = error;
    }

    /// <summary>The person blocked the bot or left: retrying would never succeed.</summary>
    public void MarkUnreachable(string error)
    {
        EnsurePending();
        Attempts++;
        State = OutboxState.Unreachable;
        LastError = error;
    }

    private void EnsurePending()
    {
        if (State != OutboxState.Pending)
            throw new DomainException("outbox.notPending", $"Outbox message {Id} is {State}, not pending.");
    }
}
