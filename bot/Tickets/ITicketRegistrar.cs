using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Tickets;

/// <summary>
/// Registers what an employee reported: routes it to its group, snapshots the SLA targets, numbers
/// it, and enqueues the requester's card and the triage channel's card. It does not commit: the
/// caller's unit of work (the router's) saves the ticket and its messages together.
/// </summary>
public interface ITicketRegistrar
{
    /// <exception cref="ServiceDesk.Domain.DomainException">The intake breaks a ticket rule (no title).</exception>
    Task<Ticket> RegisterAsync(TicketIntake intake, RequesterIdentity requester, CancellationToken ct);
}

/// <summary>What the employee told the bot.</summary>
/// <param name="CategoryKey">A catalog category, when the person or the classifier chose one; null goes to level 1.</param>
/// <param name="ServiceKey">A catalog service; null takes the category's.</param>
public sealed record TicketIntake(
    TicketKind Kind,
    string Title,
    string Description,
    Impact Impact,
    Urgency Urgency,
    string? CategoryKey = null,
    string? ServiceKey = null);

/// <summary>Who reported it, as the channel knows them.</summary>
/// <param name="ChannelId">Where they wrote (<c>msteams</c>, <c>slack</c>, <c>directline</c>...).</param>
/// <param name="UserId">The channel's id of the person (Teams <c>29:...</c>).</param>
/// <param name="AadObjectId">Entra object id when the channel gives it: the directory profile and the ticket's requester key.</param>
/// <param name="Locale">The language they wrote in; the requester's card and notices use it.</param>
public sealed record RequesterIdentity(string ChannelId, string UserId, string? AadObjectId, string? DisplayName, string? Locale)
{
    public string? TenantId { get; init; }

    /// <summary>The conversation reference key of their personal chat, when they wrote from one (cards go there).</summary>
    public string? ConversationKey { get; init; }

    /// <summary>The IANA zone their client gave in that chat; times on their card are shown in it.</summary>
    public string? TimeZone { get; init; }

    /// <summary>What the ticket remembers them by: the Entra object id, else the channel's user id.</summary>
    public string Key => string.IsNullOrWhiteSpace(AadObjectId) ? UserId : AadObjectId;
}
