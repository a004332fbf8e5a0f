using Microsoft.Extensions.Options;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>Where a ticket that breached its resolution target goes next.</summary>
public sealed class SlaEscalationPath(IRosterRepository roster, ICatalogRepository catalog, IOptions<SlaEscalationOptions> options)
{
    /// <summary>
    /// In this order: the group <c>Sla:EscalateTo</c> names for the ticket's group; the owner group
    /// of the ticket's service (or its category's) when it is at the next level; the only group of
    /// the next level. Null at L3, or when there is no single answer: the coordinators decide.
    /// </summary>
    public async Task<SupportGroup?> NextGroupAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.Level == SupportLevel.L3) return null;
        var next = ticket.Level + 1;
        var groups = await roster.GroupsAsync(ct);
        SupportGroup? Above(string? name) =>
            groups.FirstOrDefault(g => name is not null && g.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && g.Level > ticket.Level);

        if (options.Value.EscalateTo.TryGetValue(ticket.Group, out var configured) && Above(configured) is { } chosen)
            return chosen;

        var serviceKey = ticket.ServiceKey;
        if (serviceKey is null && ticket.CategoryKey is { } categoryKey)
            serviceKey = (await catalog.FindCategoryAsync(categoryKey, ct))?.ServiceKey;
        if (serviceKey is not null && await catalog.FindServiceAsync(serviceKey, ct) is { } service
            && Above(service.OwnerGroup) is { } owner && owner.Level == next)
            return owner;

        var atNextLevel = groups.Where(g => g.Level == next).ToList();
        return atNextLevel.Count == 1 ? atNextLevel[0] : null;
    }
}
