using NodaTime;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Sla;

/// <summary>Response and resolution targets of one priority within a policy, in business time.</summary>
public sealed record PriorityTargets
{
    public PriorityTargets(Duration response, Duration resolution)
    {
        RequirePositive(response, "response");
        RequirePositive(resolution, "resolution");
        Response = response;
        Resolution = resolution;
    }

    public Duration Response { get; }
    public Duration Resolution { get; }

    internal static void RequirePositive(Duration target, string what)
    {
        if (target <= Duration.Zero) throw new DomainException("sla.target", $"An SLA {what} target must be longer than zero, not {target}.");
    }
}

/// <summary>The targets that apply to a ticket, with the calendar they are counted in.</summary>
public sealed record SlaTargets
{
    public SlaTargets(Duration response, Duration resolution, string calendarId)
    {
        PriorityTargets.RequirePositive(response, "response");
        PriorityTargets.RequirePositive(resolution, "resolution");
        if (string.IsNullOrWhiteSpace(calendarId)) throw new DomainException("sla.calendar.id", "SLA targets need the id of their calendar.");
        Response = response;
        Resolution = resolution;
        CalendarId = calendarId;
    }

    public Duration Response { get; }
    public Duration Resolution { get; }
    public string CalendarId { get; }
}

/// <summary>
/// Targets per priority counted in one calendar. A per-service policy may name only some
/// priorities; <see cref="SlaPolicyResolver"/> fills the rest from the baseline.
/// </summary>
public sealed class SlaPolicy
{
    private readonly Dictionary<Priority, PriorityTargets> _targets;

    public SlaPolicy(string id, string name, string calendarId, IReadOnlyDictionary<Priority, PriorityTargets> targets)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new DomainException("sla.policy.id", "An SLA policy needs an id.");
        if (string.IsNullOrWhiteSpace(calendarId)) throw new DomainException("sla.calendar.id", $"SLA policy {id} needs a calendar.");
        if (targets.Count == 0) throw new DomainException("sla.policy.empty", $"SLA policy {id} names no priority.");
        foreach (var priority in targets.Keys)
        {
            if (!Enum.IsDefined(priority)) throw new DomainException("sla.policy.priority", $"SLA policy {id}: {(int)priority} is not a priority.");
        }
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? id : name.Trim();
        CalendarId = calendarId;
        _targets = new Dictionary<Priority, PriorityTargets>(targets);
    }

    public string Id { get; }
    public string Name { get; }
    public string CalendarId { get; }
    public IReadOnlyDictionary<Priority, PriorityTargets> Targets => _targets;

    public bool Covers(Priority priority) => _targets.ContainsKey(priority);

    public SlaTargets For(Priority priority) =>
        _targets.TryGetValue(priority, out var t)
            ? new SlaTargets(t.Response, t.Resolution, CalendarId)
            : throw new DomainException("sla.policy.priority", $"SLA policy {Id} has no targets for {priority}.");
}

public static class SlaPolicyResolver
{
    /// <summary>The policy whose targets apply: the service's when it names the priority, otherwise the baseline.</summary>
    public static SlaPolicy GoverningPolicy(Priority priority, SlaPolicy basePolicy, SlaPolicy? servicePolicy) =>
        servicePolicy is not null && servicePolicy.Covers(priority) ? servicePolicy : basePolicy;

    public static SlaTargets Resolve(Priority priority, SlaPolicy basePolicy, SlaPolicy? servicePolicy) =>
        GoverningPolicy(priority, basePolicy, servicePolicy).For(priority);
}
