using Microsoft.Extensions.Options;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Tickets;

/// <summary>
/// The SLA targets a ticket gets for a priority: the base policy (<c>ServiceDesk:DefaultSlaPolicy</c>)
/// overlaid by its service's policy where that names the priority, snapshotted on the ticket.
/// </summary>
public sealed partial class TicketSlaPolicies(ISlaRepository sla, ICatalogRepository catalog, IOptions<TicketOptions> options, ILogger<TicketSlaPolicies> log)
{
    public async Task<TicketSlaTargets> ForAsync(Priority priority, string? serviceKey, CancellationToken ct)
    {
        var baseKey = options.Value.DefaultSlaPolicy;
        var basePolicy = await sla.FindPolicyAsync(baseKey, ct)
            ?? throw new InvalidOperationException(
                $"The SLA policy '{baseKey}' (ServiceDesk:DefaultSlaPolicy) does not exist; create it or name an existing one.");
        var service = serviceKey is null ? null : await catalog.FindServiceAsync(serviceKey, ct);
        var servicePolicy = service?.SlaPolicyKey is { } key ? await sla.FindPolicyAsync(key, ct) : null;
        if (service?.SlaPolicyKey is { } missing && servicePolicy is null) LogUnknownPolicy(service.Key, missing);
        var governing = SlaPolicyResolver.GoverningPolicy(priority, basePolicy, servicePolicy);
        return TicketSlaTargets.From(governing.Id, SlaPolicyResolver.Resolve(priority, basePolicy, servicePolicy));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} names SLA policy {Policy}, which does not exist; the base policy applies")]
    private partial void LogUnknownPolicy(string service, string policy);
}
