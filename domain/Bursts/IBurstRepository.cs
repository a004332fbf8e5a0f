namespace ServiceDesk.Domain.Bursts;

public interface IBurstRepository
{
    void Add(Burst burst);

    Task<Burst?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>
    /// The bursts a new ticket of <paramref name="serviceKey"/> may belong to: declared ones (their major
    /// incident may still be open) and the others whose last ticket arrived at or after <paramref name="since"/>. Newest first.
    /// </summary>
    Task<IReadOnlyList<Burst>> RecentAsync(string serviceKey, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>Open incidents of the service created at or after <paramref name="since"/>, not major and not linked to one: who may form a burst.</summary>
    Task<IReadOnlyList<BurstTicket>> CandidatesAsync(string serviceKey, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>These tickets as the card shows them, in the order asked; missing ones are left out.</summary>
    Task<IReadOnlyList<BurstTicket>> TicketsAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default);
}
