using NodaTime;
using ServiceDesk.Cards.Intake;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Tickets;

/// <summary>
/// What a ticket card shows, looked up once per render: catalog names, the problem's number, the
/// group's closure policy and members, and the live SLA state in the ticket's calendar at that instant.
/// </summary>
public sealed partial class TicketViews(
    ISlaRepository sla,
    ICatalogRepository catalog,
    IRosterRepository roster,
    IProblemRepository problems,
    ILogger<TicketViews> log)
{
    // One scope (one turn) renders the same calendar many times; calendars change rarely and never within a turn.
    private readonly Dictionary<string, BusinessCalendar?> _calendars = new(StringComparer.Ordinal);

    public async Task<TicketView> ForAsync(Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var category = ticket.CategoryKey is { } c ? await catalog.FindCategoryAsync(c, ct) : null;
        var serviceKey = ticket.ServiceKey ?? category?.ServiceKey;
        var service = serviceKey is { } s ? await catalog.FindServiceAsync(s, ct) : null;
        var problem = ticket.ProblemId is { } p ? await problems.FindAsync(p, ct) : null;
        var groups = await roster.GroupsAsync(ct);
        var group = groups.FirstOrDefault(g => string.Equals(g.Name, ticket.Group, StringComparison.OrdinalIgnoreCase));
        return TicketView.From(ticket, await SlaStateAsync(ticket, now, ct), category, service, problem?.Number,
            closureNeedsApproval: group?.RequiresClosureApproval ?? false,
            assignableAgents: await MembersAsync(ticket.Group, ct, group?.TriageChannel?.TenantId)) with
        {
            EscalationGroups = groups.Where(g => g.Level > ticket.Level).Select(g => new EscalationTarget(g.Name, g.Level)).ToList(),
            CategoryChoices = (await catalog.CategoriesAsync(ct)).Select(CatalogChoice.From).ToList(),
            CategoryKey = ticket.CategoryKey,
        };
    }

    /// <summary>Both SLA clocks now; null for cancelled tickets and when the ticket's calendar is gone.</summary>
    public async Task<SlaState?> SlaStateAsync(Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        if (ticket.Status == TicketStatus.Cancelled) return null;
        if (!_calendars.TryGetValue(ticket.Sla.CalendarKey, out var calendar))
        {
            calendar = await sla.FindCalendarAsync(ticket.Sla.CalendarKey, ct);
            _calendars[ticket.Sla.CalendarKey] = calendar;
            if (calendar is null) LogNoCalendar(ticket.Number.ToString(), ticket.Sla.CalendarKey);
        }
        return calendar is null
            ? null
            : SlaClock.Evaluate(ticket.ToSlaTimeline(), ticket.Sla.ToSlaTargets(), calendar, Instant.FromDateTimeOffset(now));
    }

    /// <summary>The agents and specialists of a group, of its organisation: whom its tickets can be assigned to.</summary>
    public async Task<IReadOnlyList<PersonRef>> MembersAsync(string group, CancellationToken ct, string? tenant = null)
    {
        var agents = await roster.PeopleInRoleAsync(Role.Agent, ct);
        var specialists = await roster.PeopleInRoleAsync(Role.Specialist, ct);
        return agents.Concat(specialists)
            .Where(p => p.IsIn(group) && SameTenant(p, tenant))
            .DistinctBy(p => p.Key)
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
            .Select(p => p.AsRef())
            .ToList();
    }

    /// <summary>A person of the roster belongs to the tenant, or one of the two does not say.</summary>
    public static bool SameTenant(Person person, string? tenant) =>
        string.IsNullOrEmpty(person.TenantId) || string.IsNullOrEmpty(tenant) || string.Equals(person.TenantId, tenant, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Ticket} counts its SLA in calendar {Calendar}, which does not exist: its card shows no SLA")]
    private partial void LogNoCalendar(string ticket, string calendar);
}
