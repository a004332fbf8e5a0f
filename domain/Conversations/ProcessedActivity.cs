namespace ServiceDesk.Domain.Conversations;

/// <summary>
/// An inbound activity the bot has handled, recorded in the same transaction as what handling it
/// changed, so a channel's redelivery (after a timeout, a restart, on another instance) has no second
/// effect. <see cref="Response"/> keeps the synchronous answer, if there was one, for the redelivery.
/// </summary>
public sealed class ProcessedActivity
{
    private ProcessedActivity() { }

    public ProcessedActivity(string channelId, string activityId, DateTimeOffset processedAt, string? response = null)
    {
        if (string.IsNullOrWhiteSpace(channelId)) throw new DomainException("activity.channel", "A processed activity needs its channel.");
        if (string.IsNullOrWhiteSpace(activityId)) throw new DomainException("activity.id", "A processed activity needs its id.");
        ChannelId = channelId;
        ActivityId = activityId;
        ProcessedAt = processedAt;
        Response = response;
    }

    public string ChannelId { get; private set; } = "";
    public string ActivityId { get; private set; } = "";
    public DateTimeOffset ProcessedAt { get; private set; }
    /// <summary>The answer the channel got (e.g. an invoke response), opaque to the domain.</summary>
    public string? Response { get; private set; }
}

public interface IProcessedActivities
{
    Task<ProcessedActivity?> FindAsync(string channelId, string activityId, CancellationToken ct = default);

    /// <summary>
    /// Saved with the unit of work. When the activity was recorded meanwhile (another instance handled
    /// the same delivery), saving fails with <see cref="DuplicateActivityException"/> and nothing of the
    /// unit of work is kept.
    /// </summary>
    void Record(ProcessedActivity activity);

    /// <summary>Forgets activities processed before <paramref name="before"/>: channels redeliver within minutes, not weeks.</summary>
    Task<int> ForgetBeforeAsync(DateTimeOffset before, CancellationToken ct = default);
}

/// <summary>The activity was already handled (by another delivery that committed first).</summary>
public sealed class DuplicateActivityException(string channelId, string activityId, Exception? inner = null)
    : Exception($"Activity {channelId}/{activityId} was already handled.", inner)
{
    public string ChannelId { get; } = channelId;
    public string ActivityId { get; } = activityId;
}
