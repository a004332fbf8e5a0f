namespace ServiceDesk.Domain.Outages;

public enum OutageDeliveryState { Pending, Sent, Failed, Unreachable }

/// <summary>
/// One person the outage's notice goes to (a personal conversation reference) and how its delivery
/// went. Only a pending delivery takes an outcome: the notice is sent once per recipient.
/// </summary>
public sealed class OutageRecipient
{
    private OutageRecipient() { }

    public OutageRecipient(Guid outageId, string referenceKey, string? locale, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(referenceKey)) throw new DomainException("outage.recipient", "A recipient is a conversation reference.");
        OutageId = outageId;
        ReferenceKey = referenceKey;
        Locale = locale;
        State = OutageDeliveryState.Pending;
        ChangedAt = now;
    }

    /// <summary>Someone the bot already knows it cannot reach (blocked, removed): counted, never sent to.</summary>
    public static OutageRecipient KnownUnreachable(Guid outageId, string referenceKey, string? locale, string reason, DateTimeOffset now)
    {
        var recipient = new OutageRecipient(outageId, referenceKey, locale, now);
        recipient.RecordUnreachable(reason, now);
        return recipient;
    }

    public Guid OutageId { get; private set; }
    public string ReferenceKey { get; private set; } = "";
    /// <summary>The language the notice was written in for them.</summary>
    public string? Locale { get; private set; }
    public OutageDeliveryState State { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string? Error { get; private set; }

    public bool CanBeEdited => State == OutageDeliveryState.Sent || State == OutageDeliveryState.Pending;

    public void RecordSent(DateTimeOffset now) => Move(OutageDeliveryState.Sent, null, now);

    public void RecordFailed(string reason, DateTimeOffset now) => Move(OutageDeliveryState.Failed, reason, now);

    public void RecordUnreachable(string reason, DateTimeOffset now) => Move(OutageDeliveryState.Unreachable, reason, now);

    private void Move(OutageDeliveryState to, string? error, DateTimeOffset now)
    {
        if (State != OutageDeliveryState.Pending)
            throw new DomainException("outage.recipientDone", $"The notice to {ReferenceKey} is already {State}.");
        State = to;
        Error = error;
        ChangedAt = now;
    }
}

/// <summary>"sent / pending / failed of N" (unreachable counts apart from failed: those people blocked the bot).</summary>
public sealed record OutageProgress(int Total, int Pending, int Sent, int Failed, int Unreachable)
{
    public static readonly OutageProgress None = new(0, 0, 0, 0, 0);
}
