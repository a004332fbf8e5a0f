using System.Text.Json;

namespace ServiceDesk.Bot.Admin;

/// <summary><c>PUT /api/admin/agents/{key}</c>: a roster entry, created or replaced.</summary>
public sealed record AgentBody(
    string? DisplayName,
    string? Email,
    string? AadObjectId,
    string? SlackUserId,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Groups,
    string? TenantId = null,
    string? Locale = null);

/// <summary>Where a group's triage channel is: a conversation the bot is in (a Teams channel, a Slack channel...).</summary>
public sealed record ChannelBody(string? ChannelId, string? ServiceUrl, string? ConversationId, string? TenantId);

/// <summary><c>PUT /api/admin/groups/{name}</c>: a support group, its level and triage channel.</summary>
public sealed record GroupBody(int? Level, ChannelBody? Channel, string? Locale = null, bool? RequiresClosureApproval = null);

public sealed record AgentAnswer(string Key, string DisplayName, string Email, string? AadObjectId, string? SlackUserId, string? TenantId,
    string? Locale, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

public sealed record ChannelAnswer(string ChannelId, string ConversationId, string? ServiceUrl, string? TenantId);

public sealed record GroupAnswer(string Name, int Level, ChannelAnswer? Channel, string Locale, bool RequiresClosureApproval);

public sealed record TicketEventAnswer(int Sequence, string Type, DateTimeOffset At, string By, string ByName, string? From, string? To,
    int? FromLevel, int? ToLevel, string? Group, string? Text);

public sealed record PersonAnswer(string Key, string DisplayName);

public sealed record RequesterAnswer(string Key, string DisplayName, string? Department, string? Email, string Locale);

/// <summary>The ticket as design.md §5 describes it.</summary>
public sealed record TicketAnswer(
    string Number,
    string Kind,
    string Title,
    string Status,
    string Priority,
    string Impact,
    string Urgency,
    bool Major,
    int Level,
    string Group,
    PersonAnswer? Assignee,
    RequesterAnswer Requester,
    string? Category,
    string? Service,
    string? Problem,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    IReadOnlyList<TicketEventAnswer>? Events);

public sealed record TicketPage(IReadOnlyList<TicketAnswer> Items, int Skip, int Take);

internal static class AdminJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
