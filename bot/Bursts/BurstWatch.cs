using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Bursts;

/// <summary>
/// Looks at a newly registered incident next to its service's recent ones, in its own unit of work:
/// <list type="bullet">
/// <item>similar to a burst already offered (or dismissed within the window): it joins it, and the offered card says the new count;</item>
/// <item>similar to a declared burst whose major incident is still open: it is linked to the major incident and its
/// requester told, without asking again (the coordinator already decided these reports are one incident; the card counts them);</item>
/// <item>otherwise, when it and the similar open incidents of the window reach the threshold: one new offer to the coordinators.</item>
/// </list>
/// Reads one service's tickets of the window (an index on service and creation time), so it stays cheap.
/// </summary>
public sealed partial class BurstWatch(
    IBurstRepository bursts,
    ITicketRepository tickets,
    BurstCards burstCards,
    TicketCards cards,
    TicketFollowUps followUps,
    IUnitOfWork unitOfWork,
    IOptions<BurstOptions> options,
    TimeProvider time,
    ILogger<BurstWatch> log)
{
    public async Task TicketRegisteredAsync(Guid ticketId, CancellationToken ct)
    {
        var settings = options.Value;
        var saved = await tickets.FindAsync(ticketId, ct);
        if (saved is null || !MayJoin(saved)) return;
        var ticket = BurstTicket.Of(saved);
        var now = time.GetUtcNow();
        var since = now - settings.Window;
        var similar = new SimilarTickets(settings.Similarity);

        foreach (var burst in await bursts.RecentAsync(saved.ServiceKey!, since, ct))
        {
            if (burst.Contains(ticketId)) return; // told twice (a retried follow-up): already counted
            var members = await bursts.TicketsAsync(burst.Tickets, ct);
            if (!members.Any(m => similar.Related(ticket, m))) continue;
            if (await JoinAsync(burst, saved, ticket, now, ct))
            {
                await unitOfWork.SaveChangesAsync(ct);
                return;
            }
        }

        var cluster = (await bursts.CandidatesAsync(saved.ServiceKey!, since, ct)).Where(c => similar.Related(ticket, c)).ToList();
        if (cluster.All(c => c.Id != ticket.Id)) cluster.Add(ticket);
        if (cluster.Count >= settings.Threshold)
        {
            var burst = Burst.Offer(Guid.NewGuid(), saved.ServiceKey!, CommonCategory(cluster), cluster, BurstTicket.Suggested(cluster).Id, now);
            if (await burstCards.OfferAsync(burst, ct))
            {
                bursts.Add(burst);
                LogOffered(saved.ServiceKey!, cluster.Count, settings.Window);
            }
        }
        await unitOfWork.SaveChangesAsync(ct); // also what JoinAsync ended on the way
    }

    // Only what a coordinator could declare one incident: open incidents of a service, not already part of a major one.
    private static bool MayJoin(Ticket ticket) =>
        ticket is { Kind: TicketKind.Incident, IsMajor: false, MajorIncidentId: null, ServiceKey: not null } && ticket.Status.IsOpen();

    /// <summary>False when the burst takes no more tickets (its major incident is over): the ticket looks further.</summary>
    private async Task<bool> JoinAsync(Burst burst, Ticket saved, BurstTicket ticket, DateTimeOffset now, CancellationToken ct)
    {
        switch (burst.State)
        {
            case BurstState.Offered or BurstState.Dismissed:
                burst.Grow(ticket);
                await burstCards.RefreshAsync(burst, null, ct);
                return true;
            case BurstState.Declared:
                var major = await tickets.FindAsync(burst.MajorIncidentId!.Value, ct);
                if (major is null || !major.Status.IsOpen())
                {
                    burst.End();
                    await burstCards.RefreshAsync(burst, null, ct);
                    return false;
                }
                saved.LinkToMajorIncident(major, PersonRef.System, now);
                var service = await burstCards.ServiceNameAsync(burst.ServiceKey, ct);
                var told = await burstCards.TellLinkedAsync(saved, major, burst.Message, service, ct);
                burst.LinkLate(ticket, told);
                followUps.Changed(saved);
                var view = await cards.ViewAsync(saved, ct);
                await cards.RefreshAgentCardAsync(saved, view, ct);
                await cards.RefreshRequesterCardAsync(saved, view, ct);
                await burstCards.RefreshAsync(burst, null, ct);
                LogLinkedLater(saved.Number.ToString(), major.Number.ToString());
                return true;
            default:
                return false;
        }
    }

    // The burst's category when its categorized tickets agree on one.
    private static string? CommonCategory(IEnumerable<BurstTicket> tickets)
    {
        var categories = tickets.Select(t => t.CategoryKey).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return categories.Count == 1 ? categories[0] : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Burst: {Count} similar tickets about {Service} within {Window}; offered to the coordinators")]
    private partial void LogOffered(string service, int count, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Information, Message = "Burst: {Ticket} linked to major incident {Major}, which is still open")]
    private partial void LogLinkedLater(string ticket, string major);
}
