using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Outages;

/// <summary>
/// "I'm affected": the person gets an incident of their own, linked to the outage's major incident (so
/// they are counted and told, and nobody files a duplicate), once per person and outage. The first
/// person to say so when the outage has no major incident yet declares one: a P1 major incident of the
/// outage's service, in the service's owner group, reported by the coordinator who declared the outage.
/// A second press only finds what the first did (the outage keeps one row per person, and two presses
/// at once collide on the outage's version: the retry sees the first).
/// </summary>
public sealed partial class OutageAffectedPeople(
    ITicketRepository tickets,
    ITicketRegistrar registrar,
    ICatalogRepository catalog,
    IRosterRepository roster,
    TicketSlaPolicies policies,
    TicketCards cards,
    TicketFollowUps followUps,
    IOptions<DeskOptions> desk,
    IOptions<TicketOptions> ticketOptions,
    ILogger<OutageAffectedPeople> log)
{
    /// <summary>The major incident's number the person is linked to (now or before).</summary>
    public async Task<TicketNumber> LinkAsync(Outage outage, TurnContext context, CancellationToken ct)
    {
        var from = context.Turn.From;
        var personKey = string.IsNullOrWhiteSpace(from.AadObjectId) ? from.Id : from.AadObjectId;
        if (outage.AffectedBy(personKey) is not null && outage.MajorIncidentId is { } linked)
            return (await tickets.FindAsync(linked, ct))!.Number;

        var major = outage.MajorIncidentId is { } majorId
            ? await tickets.FindAsync(majorId, ct) ?? throw new InvalidOperationException($"Outage {outage.Id} names a major incident that does not exist.")
            : await DeclareMajorAsync(outage, context, ct);

        var texts = context.Texts;
        var serviceName = (await catalog.FindServiceAsync(outage.ServiceKey, ct))?.Name.For(texts.LanguageCode) ?? outage.ServiceKey;
        var identity = new RequesterIdentity(context.Turn.ChannelId, from.Id, from.AadObjectId, from.Name, context.Turn.Locale ?? context.Conversation.Locale)
        {
            TenantId = context.Turn.Conversation.TenantId,
            ConversationKey = context.Conversation.Key,
        };
        var incident = await registrar.RegisterAsync(new TicketIntake(TicketKind.Incident,
            texts.Format("outage.affected.ticketTitle", ("title", outage.Title)),
            texts.Format("outage.affected.ticketText", ("title", outage.Title), ("service", serviceName)),
            Impact.Medium, Urgency.Medium, null, outage.ServiceKey), identity, ct);
        incident.LinkToMajorIncident(major, incident.Requester.AsPerson(), context.Now);
        outage.RecordAffected(personKey, incident, context.Now);
        LogAffected(outage.Id, incident.Number.ToString(), major.Number.ToString());
        return major.Number;
    }

    private async Task<Ticket> DeclareMajorAsync(Outage outage, TurnContext context, CancellationToken ct)
    {
        var service = await catalog.FindServiceAsync(outage.ServiceKey, ct);
        // The service's owner group; level 1 when the roster does not have it (yet).
        var group = (service?.OwnerGroup is { Length: > 0 } owner ? await roster.FindGroupAsync(owner, ct) : null)
            ?? await roster.FindGroupAsync(ticketOptions.Value.FirstLevelGroup, ct);
        var groupName = group?.Name ?? ticketOptions.Value.FirstLevelGroup;
        var targets = await policies.ForAsync(Priority.P1, outage.ServiceKey, ct);
        // In the desk's language: the major incident is the desk's record, not the reporter's.
        var texts = Texts.For(desk.Value.DefaultLocale, desk.Value.DefaultLocale);
        var coordinator = new Requester(outage.DeclaredBy.Key, outage.DeclaredBy.DisplayName, desk.Value.DefaultLocale);
        var major = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, texts.Format("outage.major.ticketTitle", ("title", outage.Title)), outage.Message,
            coordinator, Impact.High, Urgency.High, null, outage.ServiceKey, groupName, group?.Level ?? SupportLevel.L1, targets, context.Now);
        await tickets.AddNumberedAsync(major, ct);
        major.DeclareMajor(targets, PersonRef.System, context.Now);
        outage.LinkMajorIncident(major);
        await cards.PostAgentCardAsync(major, await cards.ViewAsync(major, ct), ct);
        followUps.Changed(major);
        LogMajorDeclared(outage.Id, major.Number.ToString(), major.Group);
        return major;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outage {Outage}: first \"I'm affected\" declared major incident {Ticket} in {Group}")]
    private partial void LogMajorDeclared(Guid outage, string ticket, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage {Outage}: {Ticket} linked to major incident {Major}")]
    private partial void LogAffected(Guid outage, string ticket, string major);
}
