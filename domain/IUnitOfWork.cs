namespace ServiceDesk.Domain;

/// <summary>
/// Saves everything the repositories and the outbox track in one transaction. A stale version
/// raises <see cref="ConcurrencyConflictException"/>.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken ct = default);
}
