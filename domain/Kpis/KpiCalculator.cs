using NodaTime;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Kpis;

/// <summary>
/// The KPIs of design.md §2 "SLA and KPI definitions", from tickets' event logs and surveys.
/// The resolution due comes in as a delegate so KPIs do not depend on the SLA engine's API; it
/// should answer the due as of the ticket's final resolution (pauses and reopens included).
/// </summary>
public static class KpiCalculator
{
    public static KpiReport Compute(
        IEnumerable<Ticket> tickets,
        IEnumerable<Survey> surveys,
        KpiPeriod period,
        Func<Ticket, DateTimeOffset?> resolutionDue)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(surveys);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(resolutionDue);

        var histories = tickets.Select(TicketHistory.Of).ToList();
        var resolved = histories
            .Where(h => h.FinalResolutionAt is { } at && period.Contains(at))
            .ToList();

        return new KpiReport(
            period,
            resolved.Count,
            new Ratio(resolved.Count(h => h.NeverLeftFirstLevel), resolved.Count),
            DurationBreakdown.Of(resolved.Select(h => (h.LevelAtFinalResolution!.Value, h.FinalResolutionAt!.Value - h.CreatedAt))),
            TimeToCloseOf(histories, period),
            VolumeOf(histories, period),
            DurationStats.Of(resolved.Select(h => h.HandleTime!.Value)),
            TimeToEscalateOf(histories, period),
            ComplianceOf(resolved, resolutionDue),
            BacklogAt(histories, period),
            SatisfactionOf(surveys.ToList(), period));
    }

    private static DurationBreakdown TimeToCloseOf(List<TicketHistory> histories, KpiPeriod period) =>
        // Closed needs Resolved first and nothing follows Closed, so the level at closure is the
        // level at final resolution.
        DurationBreakdown.Of(histories
            .Where(h => h.ClosedAt is { } at && period.Contains(at))
            .Select(h => (h.LevelAtFinalResolution!.Value, h.ClosedAt!.Value - h.CreatedAt)));

    private static Volume VolumeOf(List<TicketHistory> histories, KpiPeriod period)
    {
        var created = histories
            .Where(h => period.Contains(h.CreatedAt))
            .Select(h => period.LocalTimeOf(h.CreatedAt))
            .ToList();

        var byDate = new SortedDictionary<LocalDate, int>();
        for (var date = period.Start; date < period.End; date = date.PlusDays(1)) byDate[date] = 0;
        foreach (var local in created) byDate[local.Date]++;

        var byWeekdayHour = created
            .GroupBy(local => new WeekdayHour(local.DayOfWeek, local.Hour))
            .ToDictionary(g => g.Key, g => g.Count());

        return new Volume(created.Count, byDate, byWeekdayHour);
    }

    private static DurationBreakdown TimeToEscalateOf(List<TicketHistory> histories, KpiPeriod period) =>
        DurationBreakdown.Of(histories
            .Where(h => h.FirstEscalation is { } e && period.Contains(e.At))
            .Select(h => (h.FirstEscalation!.ToLevel!.Value, h.FirstEscalation.At - h.CreatedAt)));

    private static SlaCompliance ComplianceOf(List<TicketHistory> resolved, Func<Ticket, DateTimeOffset?> resolutionDue)
    {
        int met = 0, judged = 0, withoutDue = 0;
        foreach (var h in resolved)
        {
            if (resolutionDue(h.Ticket) is not { } due)
            {
                withoutDue++;
                continue;
            }
            judged++;
            if (h.FinalResolutionAt!.Value <= due) met++;
        }
        return new SlaCompliance(new Ratio(met, judged), withoutDue);
    }

    private static Backlog BacklogAt(List<TicketHistory> histories, KpiPeriod period)
    {
        var end = period.EndsAt;
        var open = histories
            .Where(h => h.StatusBefore(end) is { } status && status.IsOpen())
            .ToList();

        var byLevel = Enum.GetValues<SupportLevel>().ToDictionary(level => level, _ => 0);
        var byAge = Enum.GetValues<BacklogAge>().ToDictionary(age => age, _ => 0);
        foreach (var h in open)
        {
            byLevel[h.LevelBefore(end)!.Value]++;
            byAge[Backlog.AgeOf(end - h.CreatedAt)]++;
        }
        return new Backlog(open.Count, byLevel, byAge);
    }

    private static Satisfaction SatisfactionOf(List<Survey> surveys, KpiPeriod period)
    {
        var ratings = surveys
            .Where(s => s.AnsweredAt is { } at && period.Contains(at) && s.Rating is not null)
            .Select(s => s.Rating!.Value)
            .ToList();
        var sent = surveys.Where(s => period.Contains(s.SentAt)).ToList();
        // "Have an answer" is read as of now: an answer after the period still counts for the
        // surveys sent in it, or the latest period's rate would always look low.
        return new Satisfaction(
            ratings.Count,
            ratings.Count == 0 ? null : ratings.Average(),
            new Ratio(sent.Count(s => s.AnsweredAt is not null), sent.Count));
    }
}
