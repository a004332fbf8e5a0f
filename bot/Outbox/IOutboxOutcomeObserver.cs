using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Bot.Outbox;

/// <summary>
/// Told of a message's final outcome (sent, failed for good, unreachable) inside the dispatcher's unit
/// of work, before it is saved, so what an observer changes (a fan-out's per-recipient state) commits
/// together with the outcome. Called for every finished message: return at once for the ones that are
/// not yours. An observer that throws is logged and ignored; the outcome is saved regardless.
/// </summary>
public interface IOutboxOutcomeObserver
{
    Task OnOutcomeAsync(OutboxMessage message, IServiceProvider unitOfWork, CancellationToken ct);
}
