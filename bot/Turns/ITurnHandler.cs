namespace ServiceDesk.Bot.Turns;

/// <summary>
/// The router's entry point. Channel endpoints call it once per accepted, de-duplicated turn and
/// wait for it, so it must be quick: persist, enqueue what to say in the outbox, return.
/// </summary>
public interface ITurnHandler
{
    Task<TurnResult> HandleAsync(Turn turn, CancellationToken cancellationToken);
}
