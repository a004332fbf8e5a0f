using ServiceDesk.Bot.Admin;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Outages;

/// <summary><c>POST /api/outages</c> (declare: {service, title, message, severity, audience, departments?, startsAt?, majorIncident?}).</summary>
public sealed record OutageBody(string? Service, string? Title, string? Message, string? Severity, string? Audience,
    IReadOnlyList<string>? Departments = null, DateTimeOffset? StartsAt = null, string? MajorIncident = null);

/// <summary><c>PATCH /api/outages/{id}</c>: an update for everyone told, and/or the end (with the update as closing word), and/or the major incident that handles it.</summary>
public sealed record OutagePatchBody(string? Update = null, bool? End = null, string? MajorIncident = null);

public sealed record OutageProgressAnswer(int Total, int Sent, int Pending, int Failed, int Unreachable);

public sealed record OutageUpdateAnswer(int Sequence, string Text, DateTimeOffset At, string By);

public sealed record OutageAnswer(
    Guid Id,
    string Service,
    string Title,
    string Message,
    string Severity,
    string Audience,
    IReadOnlyList<string> Departments,
    DateTimeOffset StartsAt,
    string Status,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? EndedAt,
    string? MajorIncident,
    int Affected,
    OutageProgressAnswer Progress,
    IReadOnlyList<OutageUpdateAnswer> Updates);

/// <summary>
/// The outage notices for automation (design.md §5), behind the admin key. A body that does not fit is a
/// 400 problem naming the field and the reason; an outage changed by someone else meanwhile is a 409.
/// </summary>
public static class OutagesApi
{
    private static readonly PersonRef Api = new("admin-api", "Admin API");

    public static IEndpointRouteBuilder MapOutages(this IEndpointRouteBuilder endpoints)
    {
        var outages = endpoints.MapGroup("/api/outages").AddEndpointFilter<AdminApiKey>().WithTags("Outages");
        outages.MapPost("/", DeclareAsync).WithName("DeclareOutage");
        outages.MapPatch("/{id}", PatchAsync).WithName("UpdateOutage");
        outages.MapGet("/{id}", GetAsync).WithName("GetOutage");
        return endpoints;
    }

    private static async Task<IResult> DeclareAsync(HttpContext http, OutageDesk desk, IOutageRepository outages, ITicketRepository tickets,
        IUnitOfWork unit, CancellationToken ct)
    {
        var (body, malformed) = await AdminApi.ReadAsync<OutageBody>(http, ct);
        if (malformed is not null) return malformed;
        var errors = new Dictionary<string, string[]>();
        var severity = ParseEnum<OutageSeverity>(body!.Severity, "severity", errors);
        var audience = ParseEnum<OutageAudienceKind>(body.Audience, "audience", errors);
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        Outage outage;
        try
        {
            outage = await desk.DeclareAsync(new OutageDeclaration(body.Service, body.Title, body.Message, severity, audience,
                body.Departments, body.StartsAt, body.MajorIncident), Api, ct);
        }
        catch (OutageRefusedException refused)
        {
            return Problem(refused);
        }
        await unit.SaveChangesAsync(ct);
        return Results.Created($"/api/outages/{outage.Id}", await AnswerAsync(outage, outages, tickets, ct));
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext http, OutageDesk desk, IOutageRepository outages, ITicketRepository tickets,
        IUnitOfWork unit, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var outageId)) return NotFound(id);
        var (body, malformed) = await AdminApi.ReadAsync<OutagePatchBody>(http, ct);
        if (malformed is not null) return malformed;
        if (string.IsNullOrWhiteSpace(body!.Update) && body.End is not true && string.IsNullOrWhiteSpace(body.MajorIncident))
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = ["Say what changes: an update text, end: true, or a majorIncident number."],
            });
        if (await outages.FindAsync(outageId, ct) is not { } outage) return NotFound(id);
        try
        {
            if (!string.IsNullOrWhiteSpace(body.MajorIncident)) await desk.LinkMajorIncidentAsync(outage, body.MajorIncident, ct);
            if (body.End is true) await desk.EndAsync(outage, body.Update, Api, ct);
            else if (!string.IsNullOrWhiteSpace(body.Update)) await desk.UpdateAsync(outage, body.Update, Api, ct);
            await unit.SaveChangesAsync(ct);
        }
        catch (OutageRefusedException refused)
        {
            return Problem(refused);
        }
        catch (ConcurrencyConflictException)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
                detail: "Someone else changed this outage at the same time; read it again and repeat the change.");
        }
        return Results.Ok(await AnswerAsync(outage, outages, tickets, ct));
    }

    private static async Task<IResult> GetAsync(string id, IOutageRepository outages, ITicketRepository tickets, CancellationToken ct) =>
        Guid.TryParse(id, out var outageId) && await outages.FindAsync(outageId, ct) is { } outage
            ? Results.Ok(await AnswerAsync(outage, outages, tickets, ct))
            : NotFound(id);

    private static TEnum ParseEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (value is { Length: > 0 } && char.IsLetter(value[0]) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        errors[field] = [$"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}."];
        return default;
    }

    private static IResult Problem(OutageRefusedException refused) =>
        refused.Field == "status"
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not in this state", detail: refused.Message)
            : Results.ValidationProblem(new Dictionary<string, string[]> { [refused.Field] = [refused.Message] });

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such outage", detail: $"There is no outage {id}.");

    private static async Task<OutageAnswer> AnswerAsync(Outage o, IOutageRepository outages, ITicketRepository tickets, CancellationToken ct)
    {
        var p = await outages.ProgressAsync(o.Id, ct);
        var major = o.MajorIncidentId is { } majorId ? await tickets.FindAsync(majorId, ct) : null;
        return new OutageAnswer(o.Id, o.ServiceKey, o.Title, o.Message, o.Severity.ToString(), o.Audience.ToString(), o.Departments, o.StartsAt,
            o.Status.ToString(), o.DeclaredBy.DisplayName, o.DeclaredAt, o.PublishedAt, o.EndedAt, major?.Number.ToString(), o.Affected.Count,
            new OutageProgressAnswer(p.Total, p.Sent, p.Pending, p.Failed, p.Unreachable),
            o.Updates.Select(u => new OutageUpdateAnswer(u.Sequence, u.Text, u.At, u.ByName)).ToList());
    }
}
