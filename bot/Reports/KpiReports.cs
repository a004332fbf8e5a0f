using ServiceDesk.Bot.Tickets;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Reports;

/// <summary>The KPIs of design.md §2 for one period, read from the tickets' event logs and the surveys in the database.</summary>
public sealed class KpiReports(ITicketRepository tickets, ISurveyRepository surveys, TicketViews views, TimeProvider time)
{
    public async Task<KpiReport> ComputeAsync(KpiPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.StartsAt, period.EndsAt);
        var relevant = await tickets.ForPeriodAsync(from, to, ct);
        // Satisfaction reads answers given in the period and surveys sent in it: either may lie outside the other.
        var sent = await surveys.SentBetweenAsync(from, to, ct);
        var answered = await surveys.AnsweredBetweenAsync(from, to, ct);
        var allSurveys = sent.Concat(answered).DistinctBy(s => s.Id).ToList();

        // The SLA clock of a resolved ticket stops at its resolution, so "now" gives the due as of the final resolution.
        var now = time.GetUtcNow();
        var dues = new Dictionary<Guid, DateTimeOffset?>();
        foreach (var ticket in relevant)
        {
            if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed)) continue;
            dues[ticket.Id] = (await views.SlaStateAsync(ticket, now, ct))?.ResolutionDue.ToDateTimeOffset();
        }
        return KpiCalculator.Compute(relevant, allSurveys, period, t => dues.GetValueOrDefault(t.Id));
    }
}
