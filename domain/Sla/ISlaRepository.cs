namespace ServiceDesk.Domain.Sla;

public interface ISlaRepository
{
    Task<BusinessCalendar?> FindCalendarAsync(string id, CancellationToken ct = default);

    Task<SlaPolicy?> FindPolicyAsync(string id, CancellationToken ct = default);

    Task<IReadOnlyList<SlaPolicy>> PoliciesAsync(CancellationToken ct = default);

    /// <summary>Adds or replaces the calendar with this id.</summary>
    Task SaveCalendarAsync(BusinessCalendar calendar, CancellationToken ct = default);

    /// <summary>Adds or replaces the policy with this id.</summary>
    Task SavePolicyAsync(SlaPolicy policy, CancellationToken ct = default);
}
