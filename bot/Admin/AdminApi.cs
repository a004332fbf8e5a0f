using System.Net;
using System.Text.Json;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Admin;

/// <summary>
/// <c>/api/admin/*</c>: the roster and the support groups with their triage channels (design.md §5), for
/// automation and tests; people do the same from Teams. JSON in camelCase; a body that does not fit is a
/// 400 problem listing every reason, never a 500.
/// </summary>
public static class AdminApi
{
    internal const int MaxBodyBytes = 64 * 1024;

    // Teams' public Connector endpoint (protocol.md §3), for a Teams channel registered without its service URL.
    internal const string TeamsPublicServiceUrl = "https://smba.trafficmanager.net/teams/";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin").AddEndpointFilter<AdminApiKey>().WithTags("Admin");
        admin.MapPut("/agents/{key}", PutAgentAsync).WithName("PutAgent");
        admin.MapGet("/agents", ListAgentsAsync).WithName("ListAgents");
        admin.MapPut("/groups/{name}", PutGroupAsync).WithName("PutGroup");
        admin.MapGet("/groups", ListGroupsAsync).WithName("ListGroups");

        var tickets = endpoints.MapGroup("/api/tickets").AddEndpointFilter<AdminApiKey>().WithTags("Tickets");
        tickets.MapGet("/{number}", TicketsApi.GetAsync).WithName("GetTicket");
        tickets.MapGet("/", TicketsApi.QueryAsync).WithName("QueryTickets");
        return endpoints;
    }

    private static async Task<IResult> PutAgentAsync(string key, HttpContext http, IRosterRepository roster, IUnitOfWork unit, CancellationToken ct)
    {
        var (body, malformed) = await ReadAsync<AgentBody>(http, ct);
        if (malformed is not null) return malformed;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100) errors["key"] = ["The key is 1 to 100 characters."];
        if (string.IsNullOrWhiteSpace(body!.DisplayName)) errors["displayName"] = ["A display name is required."];
        var roles = Role.None;
        var unknownRoles = new List<string>();
        foreach (var name in body.Roles ?? [])
        {
            if (Enum.TryParse<Role>(name, ignoreCase: true, out var role) && role != Role.None && Enum.IsDefined(role) && !int.TryParse(name, out _)) roles |= role;
            else unknownRoles.Add(name);
        }
        if (unknownRoles.Count > 0) errors["roles"] = [$"Unknown roles: {string.Join(", ", unknownRoles)}. Roles are Agent, Specialist, Coordinator and Auditor."];
        var groups = await roster.GroupsAsync(ct);
        var unknownGroups = (body.Groups ?? []).Where(g => !groups.Any(x => string.Equals(x.Name, g, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknownGroups.Count > 0) errors["groups"] = [$"Unknown groups: {string.Join(", ", unknownGroups)}. Create them first with PUT /api/admin/groups/{{name}}."];
        if (Blank(body.AadObjectId) is { } aad && await roster.FindByAadObjectIdAsync(aad, ct) is { } holder && holder.Key != key)
            errors["aadObjectId"] = [$"{holder.Key} already has this Entra object id."];
        if (Blank(body.SlackUserId) is { } slack && await roster.FindBySlackUserIdAsync(slack, ct) is { } slackHolder && slackHolder.Key != key)
            errors["slackUserId"] = [$"{slackHolder.Key} already has this Slack id."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        // Group names as the roster spells them, so membership checks never depend on the caller's casing.
        var memberOf = (body.Groups ?? []).Select(g => groups.First(x => string.Equals(x.Name, g, StringComparison.OrdinalIgnoreCase)).Name).ToList();
        var person = await roster.FindPersonAsync(key, ct);
        var created = person is null;
        if (person is null)
        {
            person = new Person(key, body.DisplayName!, body.Email ?? "", roles, memberOf, Blank(body.AadObjectId), Blank(body.SlackUserId), Blank(body.TenantId), Blank(body.Locale));
            roster.Add(person);
        }
        else
        {
            person.Update(body.DisplayName!, body.Email ?? "", roles, memberOf, Blank(body.AadObjectId), Blank(body.SlackUserId), Blank(body.TenantId), Blank(body.Locale));
        }
        await unit.SaveChangesAsync(ct);
        var answer = Answer(person);
        return created ? Results.Created($"/api/admin/agents/{Uri.EscapeDataString(key)}", answer) : Results.Ok(answer);
    }

    private static async Task<IResult> ListAgentsAsync(IRosterRepository roster, CancellationToken ct) =>
        // Every role includes "none": this reads the whole roster.
        Results.Ok((await roster.PeopleInRoleAsync(Role.None, ct)).Select(Answer).ToList());

    private static async Task<IResult> PutGroupAsync(string name, HttpContext http, IRosterRepository roster,
        IConversationReferenceRepository references, IUnitOfWork unit, TimeProvider time, CancellationToken ct)
    {
        var (body, malformed) = await ReadAsync<GroupBody>(http, ct);
        if (malformed is not null) return malformed;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors["name"] = ["The group name is 1 to 100 characters."];
        if (body!.Level is not (1 or 2 or 3)) errors["level"] = ["The level is 1, 2 or 3."];
        var locale = Blank(body.Locale);
        if (locale is not null && !(locale.StartsWith("es", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en", StringComparison.OrdinalIgnoreCase)))
            errors["locale"] = ["The channel's language is Spanish or English (es-ES, en-US...)."];
        var group = await roster.FindGroupAsync(name, ct);
        ChannelAddress? channel = group?.TriageChannel;
        ConversationReference? known = null;
        if (body.Channel is { } c)
        {
            if (Blank(c.ChannelId) is null) errors["channel.channelId"] = ["The channel id (msteams, slack, ...) is required."];
            if (Blank(c.ConversationId) is null) errors["channel.conversationId"] = ["The conversation id of the channel is required."];
            if (Blank(c.ServiceUrl) is { } url && !IsServiceUrl(url))
                errors["channel.serviceUrl"] = ["The service URL is an absolute https URL (http only on loopback)."];
            if (Blank(c.ChannelId) is { } channelId && Blank(c.ConversationId) is { } conversationId)
            {
                known = await references.FindAsync(ConversationReference.KeyFor(channelId, ConversationType.Channel, conversationId, null), ct);
                if (known is null && Blank(c.ServiceUrl) is null && channelId != "msteams")
                    errors["channel.serviceUrl"] = ["The bot has never been in this channel: give its service URL."];
                channel = new ChannelAddress(channelId, conversationId, Blank(c.ServiceUrl) ?? known?.ServiceUrl ?? TeamsPublicServiceUrl, Blank(c.TenantId) ?? known?.TenantId);
            }
        }
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        if (body.Channel is not null && channel is not null && (known is null || Blank(body.Channel.ServiceUrl) is not null))
        {
            // The outbox sends to conversation references: this one is the admin's word for where the channel is.
            await references.RecordAsync(new ConversationSighting(channel.ChannelId, ConversationType.Channel, channel.ConversationId,
                channel.ServiceUrl!, time.GetUtcNow())
            {
                TenantId = channel.TenantId,
                IsActivityInConversation = false,
            }, ct);
        }
        var level = (SupportLevel)body.Level!.Value;
        var created = group is null;
        if (group is null)
        {
            group = new SupportGroup(name, level, channel, locale ?? "es-ES", body.RequiresClosureApproval ?? false);
            roster.Add(group);
        }
        else
        {
            group.Configure(level, channel, locale ?? group.Locale, body.RequiresClosureApproval ?? group.RequiresClosureApproval);
        }
        await unit.SaveChangesAsync(ct);
        var answer = Answer(group);
        return created ? Results.Created($"/api/admin/groups/{Uri.EscapeDataString(name)}", answer) : Results.Ok(answer);
    }

    private static async Task<IResult> ListGroupsAsync(IRosterRepository roster, CancellationToken ct) =>
        Results.Ok((await roster.GroupsAsync(ct)).Select(Answer).ToList());

    internal static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        if (http.Request.ContentLength > MaxBodyBytes)
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"At most {MaxBodyBytes} bytes."));
        try
        {
            using var limited = new MemoryStream();
            await http.Request.Body.CopyToAsync(limited, ct);
            if (limited.Length > MaxBodyBytes)
                return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"At most {MaxBodyBytes} bytes."));
            limited.Position = 0;
            var body = await JsonSerializer.DeserializeAsync<T>(limited, AdminJson.Options, ct);
            return body is null
                ? (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] }))
                : (body, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not the expected JSON{where}."] }));
        }
    }

    private static bool IsServiceUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static AgentAnswer Answer(Person p) => new(p.Key, p.DisplayName, p.Email, p.AadObjectId, p.SlackUserId, p.TenantId, p.Locale,
        Enum.GetValues<Role>().Where(r => r != Role.None && p.Has(r)).Select(r => r.ToString()).ToList(), p.Groups);

    private static GroupAnswer Answer(SupportGroup g) => new(g.Name, (int)g.Level,
        g.TriageChannel is { } c ? new ChannelAnswer(c.ChannelId, c.ConversationId, c.ServiceUrl, c.TenantId) : null, g.Locale, g.RequiresClosureApproval);
}
