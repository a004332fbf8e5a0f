namespace ServiceDesk.Bot.Turns;

/// <summary>
/// Channels redeliver activities they think were lost; a redelivery must not create a second
/// ticket or a second reply, so each (channel, activity id) is handled once.
/// </summary>
public interface ITurnDeduplicator
{
    /// <summary>
    /// Runs <paramref name="handle"/> for the first delivery; a redelivery (also one arriving while the
    /// first is still running) gets the first delivery's result. A failed first delivery is forgotten
    /// so that the channel's retry is handled.
    /// </summary>
    Task<DeduplicatedTurn> RunOnceAsync(string channelId, string activityId, Func<Task<TurnResult>> handle);
}

public readonly record struct DeduplicatedTurn(TurnResult Result, bool WasRedelivery);
