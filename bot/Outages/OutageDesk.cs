using ServiceDesk.Bot.Outbox;
using ServiceDesk.Cards.Outages;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Outages;

/// <summary>What a coordinator (card or API) asks for; validated by <see cref="OutageDesk.DeclareAsync"/>.</summary>
public sealed record OutageDeclaration(
    string? Service,
    string? Title,
    string? Message,
    OutageSeverity Severity,
    OutageAudienceKind Audience,
    IReadOnlyList<string>? Departments,
    DateTimeOffset? StartsAt,
    string? MajorIncident = null);

/// <summary>Why a declaration, update or end was refused: the field and a code the API and the cards explain.</summary>
public sealed class OutageRefusedException(string field, string code, string message) : Exception(message)
{
    public string Field { get; } = field;
    public string Code { get; } = code;
}

/// <summary>
/// The outage notices' work, in the caller's unit of work (it never saves): declare (publish now or
/// schedule), publish to the audience (one recipient row and one outbox message each, together),
/// update and end (an edit of every recipient's notice), link the major incident.
/// </summary>
public sealed partial class OutageDesk(
    IOutageRepository outages,
    ICatalogRepository catalog,
    ITicketRepository tickets,
    OutageAudiences audiences,
    OutageNotices notices,
    IOutbound outbound,
    IOutageScheduler scheduler,
    TimeProvider time,
    ILogger<OutageDesk> log)
{
    // Published in this unit of work and not saved yet: the store does not know these recipients so far.
    private readonly Dictionary<Guid, List<OutageRecipient>> _publishedNow = [];

    /// <exception cref="OutageRefusedException">Unknown service or major incident, or a rule of <see cref="Outage.Declare"/>.</exception>
    public async Task<Outage> DeclareAsync(OutageDeclaration declaration, PersonRef by, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(declaration.Service) || await catalog.FindServiceAsync(declaration.Service.Trim(), ct) is not { } service)
            throw new OutageRefusedException("service", "outage.service", $"'{declaration.Service}' is not a service of the catalog.");
        var major = await MajorIncidentAsync(declaration.MajorIncident, ct);
        var now = time.GetUtcNow();
        Outage outage;
        try
        {
            outage = Outage.Declare(Guid.NewGuid(), service.Key, declaration.Title ?? "", declaration.Message ?? "", declaration.Severity,
                declaration.Audience, declaration.Departments, declaration.StartsAt, by, now);
            if (major is not null) outage.LinkMajorIncident(major);
        }
        catch (DomainException e)
        {
            throw Refused(e);
        }
        outages.Add(outage);
        if (outage.IsDueAt(now)) await PublishAsync(outage, ct);
        else await scheduler.ScheduleAsync(outage.Id, outage.StartsAt, ct);
        LogDeclared(outage.Id, outage.ServiceKey, outage.Severity.ToString(), outage.Audience.ToString(), outage.StartsAt);
        return outage;
    }

    /// <summary>Scheduled → Active: one recipient row per person of the audience and one notice each (none to those known unreachable).</summary>
    public async Task PublishAsync(Outage outage, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        outage.Publish(now);
        var renderer = notices.For(outage);
        var recipients = new List<OutageRecipient>();
        foreach (var addressee in await audiences.ResolveAsync(outage, ct))
        {
            var reference = addressee.Reference;
            if (reference.IsUnreachable)
            {
                recipients.Add(OutageRecipient.KnownUnreachable(outage.Id, reference.Key, addressee.Locale, reference.UnreachableReason ?? "unreachable", now));
                continue;
            }
            recipients.Add(new OutageRecipient(outage.Id, reference.Key, addressee.Locale, now));
            outbound.Send(OutboundTargets.Of(reference), await renderer.MessageForAsync(reference.ChannelId, addressee.Locale, ct), OutageNotices.NoticeKey(outage.Id, reference.Key));
        }
        outages.AddRecipients(recipients);
        _publishedNow[outage.Id] = recipients;
        LogPublished(outage.Id, recipients.Count, recipients.Count(r => r.State == OutageDeliveryState.Unreachable));
    }

    /// <exception cref="OutageRefusedException">Not active, or no text.</exception>
    public async Task UpdateAsync(Outage outage, string? text, PersonRef by, CancellationToken ct)
    {
        try
        {
            outage.PostUpdate(text ?? "", by, time.GetUtcNow());
        }
        catch (DomainException e)
        {
            throw Refused(e);
        }
        await EditNoticesAsync(outage, ct);
    }

    /// <summary>Ends it; a scheduled one is called off (its trigger removed, nobody told).</summary>
    public async Task EndAsync(Outage outage, string? text, PersonRef by, CancellationToken ct)
    {
        var wasScheduled = outage.Status == OutageStatus.Scheduled;
        try
        {
            outage.End(text, by, time.GetUtcNow());
        }
        catch (DomainException e)
        {
            throw Refused(e);
        }
        if (wasScheduled) await scheduler.CancelAsync(outage.Id, ct);
        else await EditNoticesAsync(outage, ct);
    }

    public async Task LinkMajorIncidentAsync(Outage outage, string number, CancellationToken ct)
    {
        var major = await MajorIncidentAsync(number, ct);
        try
        {
            outage.LinkMajorIncident(major!);
        }
        catch (DomainException e)
        {
            throw Refused(e);
        }
    }

    public async Task<OutageProgressView> ProgressAsync(Outage outage, string locale, CancellationToken ct)
    {
        var major = outage.MajorIncidentId is { } id ? await tickets.FindAsync(id, ct) : null;
        var progress = _publishedNow.TryGetValue(outage.Id, out var justNow)
            ? new OutageProgress(justNow.Count, justNow.Count(r => r.State == OutageDeliveryState.Pending), 0, 0,
                justNow.Count(r => r.State == OutageDeliveryState.Unreachable))
            : await outages.ProgressAsync(outage.Id, ct);
        return new OutageProgressView(outage.Id, await notices.ServiceNameAsync(outage.ServiceKey, locale, ct), outage.Title, outage.Severity,
            outage.Status, outage.Audience, outage.Departments, outage.StartsAt, progress, outage.Affected.Count,
            major?.Number.ToString(), outage.LastUpdate?.Text);
    }

    // Every notice that went out or is on its way is edited in place (the outbox sends a conversation's messages in
    // order, so an edit queued behind a pending send finds the message); failed and unreachable ones are left alone.
    private async Task EditNoticesAsync(Outage outage, CancellationToken ct)
    {
        if (!outage.WasPublished) return;
        var renderer = notices.For(outage);
        var edited = 0;
        foreach (var recipient in await outages.RecipientsAsync(outage.Id, ct))
        {
            if (!recipient.CanBeEdited) continue;
            var channelId = Domain.Conversations.ConversationReference.ChannelIdOf(recipient.ReferenceKey);
            var message = await renderer.MessageForAsync(channelId, recipient.Locale, ct);
            outbound.UpdateCorrelated(new OutboundTarget(recipient.ReferenceKey), OutageNotices.NoticeKey(outage.Id, recipient.ReferenceKey), message);
            edited++;
        }
        LogEdited(outage.Id, outage.Status.ToString(), edited);
    }

    private async Task<Ticket?> MajorIncidentAsync(string? number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var ticket = TicketNumber.TryParse(number.Trim(), out var parsed) ? await tickets.FindByNumberAsync(parsed, ct) : null;
        if (ticket is not { IsMajor: true })
            throw new OutageRefusedException("majorIncident", "outage.notMajor", $"'{number}' is not a major incident.");
        return ticket;
    }

    private static OutageRefusedException Refused(DomainException e)
    {
        var field = e.Code switch
        {
            "outage.title" or "outage.titleLength" => "title",
            "outage.message" or "outage.messageLength" or "outage.updateText" => "message",
            "outage.departments" => "departments",
            "outage.startsInPast" => "startsAt",
            "outage.severity" => "severity",
            "outage.audience" => "audience",
            "outage.majorLinked" or "outage.notMajor" => "majorIncident",
            _ => "status",
        };
        return new OutageRefusedException(field, e.Code, e.Message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage {Outage} declared: {Service}, {Severity}, audience {Audience}, starts {StartsAt:O}")]
    private partial void LogDeclared(Guid outage, string service, string severity, string audience, DateTimeOffset startsAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage {Outage} published to {Recipients} recipient(s), {Unreachable} of them known unreachable")]
    private partial void LogPublished(Guid outage, int recipients, int unreachable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage {Outage} ({Status}): {Edited} notice(s) edited")]
    private partial void LogEdited(Guid outage, string status, int edited);
}
