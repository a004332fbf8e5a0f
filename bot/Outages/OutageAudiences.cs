using ServiceDesk.Bot.People;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Outages;

/// <summary>One personal conversation a notice goes to, and the language it is written in there.</summary>
public sealed record OutageAddressee(ConversationReference Reference, string? Locale);

/// <summary>
/// Who an outage's audience is, as personal conversations the bot has (decided at publish time, so
/// people who install the bot before the start are told too):
/// <list type="bullet">
/// <item>Everyone: every personal conversation where the bot is installed (the install event was seen,
/// or the person has a chat with it, which Teams only allows with the bot installed).</item>
/// <item>Subscribers: the service's subscribers (catalog person keys: Entra object id or channel id),
/// in the first channel the bot has a chat with them, in their roster language when they are on it.</item>
/// <item>Departments: of everyone, those whose department is one named. The department is the
/// directory's (Graph, when configured), else the one the person's latest ticket recorded; nobody is
/// guessed into a department.</item>
/// </list>
/// Unreachable conversations (blocked, removed) are returned too: the caller counts them without sending.
/// </summary>
public sealed class OutageAudiences(
    IConversationReferenceRepository references,
    ICatalogRepository catalog,
    IRosterRepository roster,
    ITicketRepository tickets,
    IRequesterDirectory directory)
{
    private static readonly string[] PersonalChannels = ["msteams", "slack", "directline", "webchat"];

    public async Task<IReadOnlyList<OutageAddressee>> ResolveAsync(Outage outage, CancellationToken ct) => outage.Audience switch
    {
        OutageAudienceKind.Everyone => await EveryoneAsync(ct),
        OutageAudienceKind.Subscribers => await SubscribersAsync(outage.ServiceKey, ct),
        OutageAudienceKind.Departments => await InDepartmentsAsync(outage.Departments, ct),
        _ => [],
    };

    private async Task<IReadOnlyList<OutageAddressee>> EveryoneAsync(CancellationToken ct) =>
        (await references.PersonalReferencesAsync(ct))
            .Where(r => r.InstalledAt is not null || r.ConversationId is not null)
            .Select(r => new OutageAddressee(r, r.Locale))
            .ToList();

    private async Task<IReadOnlyList<OutageAddressee>> SubscribersAsync(string serviceKey, CancellationToken ct)
    {
        var service = await catalog.FindServiceAsync(serviceKey, ct);
        if (service is null) return [];
        var found = new List<OutageAddressee>();
        foreach (var key in service.Subscribers)
        {
            var person = await roster.FindPersonAsync(key, ct) ?? await roster.FindByAadObjectIdAsync(key, ct);
            var aad = person?.AadObjectId ?? key;
            var userId = person?.SlackUserId ?? key;
            ConversationReference? first = null;
            foreach (var channel in PersonalChannels)
            {
                var reference = await references.FindPersonalAsync(channel, aad, userId, ct);
                if (reference is null) continue;
                first ??= reference;
                if (!reference.IsUnreachable)
                {
                    first = reference;
                    break;
                }
            }
            if (first is not null && !found.Any(f => f.Reference.Key == first.Key))
                found.Add(new OutageAddressee(first, person?.Locale ?? first.Locale));
        }
        return found;
    }

    private async Task<IReadOnlyList<OutageAddressee>> InDepartmentsAsync(IReadOnlyList<string> departments, CancellationToken ct)
    {
        var wanted = new HashSet<string>(departments, StringComparer.OrdinalIgnoreCase);
        var found = new List<OutageAddressee>();
        foreach (var addressee in await EveryoneAsync(ct))
        {
            var department = await DepartmentOfAsync(addressee.Reference, ct);
            if (department is not null && wanted.Contains(department.Trim())) found.Add(addressee);
        }
        return found;
    }

    private async Task<string?> DepartmentOfAsync(ConversationReference reference, CancellationToken ct)
    {
        if (reference.UserAadObjectId is { Length: > 0 } aad && await directory.FindAsync(aad, ct) is { Department: { Length: > 0 } fromDirectory })
            return fromDirectory;
        var requesterKey = reference.UserAadObjectId is { Length: > 0 } id ? id : reference.UserId;
        if (string.IsNullOrWhiteSpace(requesterKey)) return null;
        var latest = await tickets.QueryAsync(new TicketQuery(RequesterKey: requesterKey, Take: 20), ct);
        return latest.OrderByDescending(t => t.CreatedAt).Select(t => t.Requester.Department).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
    }
}
