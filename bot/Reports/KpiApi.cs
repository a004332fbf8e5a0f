using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using ServiceDesk.Bot.Admin;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Domain.Kpis;

namespace ServiceDesk.Bot.Reports;

/// <summary>
/// <c>GET /api/kpis?from=2026-11-16&amp;to=2026-11-22</c> behind the admin key: the KPIs of design.md §2
/// for the local dates from <c>from</c> through <c>to</c> (both included) in <c>ServiceDesk:TimeZone</c>.
/// </summary>
public static class KpiApi
{
    /// <summary>A window loads every ticket active in it; a year is the most a dashboard asks for.</summary>
    public const int MaxDays = 366;

    public static IEndpointRouteBuilder MapKpis(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/kpis", GetAsync).AddEndpointFilter<AdminApiKey>().WithTags("Kpis").WithName("GetKpis");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string? from, string? to, KpiReports kpis, IOptions<DeskOptions> desk, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseDate("from", from, errors);
        var end = ParseDate("to", to, errors);
        if (start is { } s && end is { } e)
        {
            if (s > e) errors["to"] = [$"to ({to}) is before from ({from})."];
            else if (Period.Between(s, e, PeriodUnits.Days).Days + 1 > MaxDays) errors["to"] = [$"A window is at most {MaxDays} days."];
        }
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        var period = KpiPeriod.Of(start!.Value, end!.Value.PlusDays(1), desk.Value.TimeZone);
        return Results.Ok(KpiAnswer.Of(await kpis.ComputeAsync(period, ct)));
    }

    private static LocalDate? ParseDate(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [$"{name} is required: a local date such as 2026-11-16."];
            return null;
        }
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        if (parsed.Success) return parsed.Value;
        errors[name] = [$"{name} ('{value}') is not a date such as 2026-11-16."];
        return null;
    }
}
