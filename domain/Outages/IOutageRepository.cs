namespace ServiceDesk.Domain.Outages;

public interface IOutageRepository
{
    void Add(Outage outage);

    Task<Outage?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>Outages not ended yet, newest first (for the coordinator's command).</summary>
    Task<IReadOnlyList<Outage>> OpenAsync(CancellationToken ct = default);

    void AddRecipients(IEnumerable<OutageRecipient> recipients);

    Task<OutageRecipient?> FindRecipientAsync(Guid outageId, string referenceKey, CancellationToken ct = default);

    Task<IReadOnlyList<OutageRecipient>> RecipientsAsync(Guid outageId, CancellationToken ct = default);

    Task<OutageProgress> ProgressAsync(Guid outageId, CancellationToken ct = default);
}
