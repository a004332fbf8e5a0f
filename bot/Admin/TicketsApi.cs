using ServiceDesk.Bot.Tickets;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Admin;

/// <summary><c>GET /api/tickets/{number}</c> and <c>GET /api/tickets?requester=&amp;status=&amp;group=</c> (design.md §5), behind the admin key.</summary>
internal static class TicketsApi
{
    private const int MaxPage = 200;

    public static async Task<IResult> GetAsync(string number, ITicketRepository tickets, IProblemRepository problems, TicketViews views,
        TimeProvider time, CancellationToken ct)
    {
        if (!TicketNumber.TryParse(number, out var parsed))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["number"] = [$"'{number}' is not a ticket number such as INC-000042."] });
        var ticket = await tickets.FindByNumberAsync(parsed, ct);
        return ticket is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no ticket {parsed}.")
            : Results.Ok(await AnswerAsync(ticket, problems, views, time, withEvents: true, ct));
    }

    public static async Task<IResult> QueryAsync(string? requester, string? status, string? group, int? skip, int? take,
        ITicketRepository tickets, IProblemRepository problems, TicketViews views, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        TicketStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _)) wanted = s;
            else errors["status"] = [$"Unknown status '{status}'; one of {string.Join(", ", Enum.GetNames<TicketStatus>())}."];
        }
        if (skip is < 0) errors["skip"] = ["skip is 0 or more."];
        if (take is < 1 or > MaxPage) errors["take"] = [$"take is 1 to {MaxPage}."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        var query = new TicketQuery(RequesterKey: string.IsNullOrWhiteSpace(requester) ? null : requester.Trim(), Status: wanted,
            Group: string.IsNullOrWhiteSpace(group) ? null : group.Trim(), Skip: skip ?? 0, Take: take ?? 50);
        var page = new List<TicketAnswer>();
        foreach (var ticket in await tickets.QueryAsync(query, ct))
            page.Add(await AnswerAsync(ticket, problems, views, time, withEvents: false, ct));
        return Results.Ok(new TicketPage(page, query.Skip, query.Take));
    }

    private static async Task<TicketAnswer> AnswerAsync(Ticket t, IProblemRepository problems, TicketViews views, TimeProvider time, bool withEvents, CancellationToken ct)
    {
        var sla = await views.SlaStateAsync(t, time.GetUtcNow(), ct);
        var problem = t.ProblemId is { } id ? (await problems.FindAsync(id, ct))?.Number : null;
        return new TicketAnswer(t.Number.ToString(), t.Kind.ToString(), t.Title, t.Status.ToString(), t.Priority.ToString(), t.Impact.ToString(),
            t.Urgency.ToString(), t.IsMajor, (int)t.Level, t.Group,
            t.Assignee is { } a ? new PersonAnswer(a.Key, a.DisplayName) : null,
            new RequesterAnswer(t.Requester.Key, t.Requester.DisplayName, t.Requester.Department, t.Requester.Email, t.Requester.Locale),
            t.CategoryKey, t.ServiceKey, problem, t.CreatedAt, sla?.ResolutionDue.ToDateTimeOffset(), t.ResolvedAt, t.ClosedAt, t.Version,
            withEvents
                ? t.Events.Select(e => new TicketEventAnswer(e.Sequence, e.Type.ToString(), e.At, e.Actor.Key, e.Actor.DisplayName,
                    e.FromStatus?.ToString(), e.ToStatus?.ToString(), (int?)e.FromLevel, (int?)e.ToLevel, e.Group, e.Text)).ToList()
                : null);
    }
}
