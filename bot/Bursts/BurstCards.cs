using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Reports;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Bursts;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Bursts;

/// <summary>
/// A burst's one card in the coordinators' channel (the triage channel of the <c>Reports:CoordinatorsGroup</c>
/// group, where the KPI reports go too); while that group has no channel the bot can reach, in each
/// coordinator's personal chat instead, as SLA breaches and major incidents reach them. Named per
/// conversation by <see cref="CardKey"/>, so every later change edits the same card. Also the notice the
/// affected requesters get. All through the caller's outbox.
/// </summary>
public sealed partial class BurstCards(
    IBurstRepository bursts,
    ICatalogRepository catalog,
    IRosterRepository roster,
    TicketAddresses addresses,
    TicketCards cards,
    IOutbound outbound,
    IOptions<ReportsOptions> reports,
    IConversationReferenceRepository references,
    TimeProvider time,
    ILogger<BurstCards> log)
{
    public static string CardKey(Guid burstId, string conversationKey) => $"burst-card:{burstId}:{conversationKey}";

    public async Task<BurstView> ViewAsync(Burst burst, CancellationToken ct)
    {
        var tickets = await bursts.TicketsAsync(burst.Tickets, ct);
        var major = burst.MajorIncidentId is { } id ? tickets.FirstOrDefault(t => t.Id == id)?.Number.ToString() : null;
        return new BurstView(burst.Id, burst.Version, burst.State, await ServiceNameAsync(burst.ServiceKey, ct), tickets, burst.SuggestedMajorId,
            major, burst.DecidedByName, burst.DecidedAt, burst.Notified, burst.LinkedLater);
    }

    /// <summary>The card as the clicking coordinator sees it now.</summary>
    public async Task<JsonObject> RenderAsync(Burst burst, CardContext context, CancellationToken ct) =>
        BurstCard.Render(await ViewAsync(burst, ct), context);

    /// <summary>Posts the burst's card in the coordinators' channel, or in each coordinator's chat; false when there was nowhere to post it.</summary>
    public async Task<bool> OfferAsync(Burst burst, CancellationToken ct)
    {
        var view = await ViewAsync(burst, ct);
        foreach (var chat in await OfferTargetsAsync(ct))
        {
            cards.Send(chat, c => BurstCard.Render(view, c), CardKey(burst.Id, chat.ReferenceKey));
            burst.ShowIn(chat.ReferenceKey);
        }
        if (burst.ShownIn.Count == 0) LogNobody(burst.ServiceKey, burst.Tickets.Count);
        return burst.ShownIn.Count > 0;
    }

    /// <summary>Edits the card where it was posted; <paramref name="except"/> is the conversation answered by the click itself.</summary>
    public async Task RefreshAsync(Burst burst, string? except, CancellationToken ct)
    {
        var view = await ViewAsync(burst, ct);
        // Only where the card went: an update under a key never sent would fail for good.
        foreach (var chat in await ShownAsync(burst, ct))
        {
            if (chat.ReferenceKey == except) continue;
            var card = BurstCard.Render(view, cards.ContextFor(chat.Locale, chat.ChannelId, time.GetUtcNow()));
            outbound.UpdateCorrelated(new OutboundTarget(chat.ReferenceKey), CardKey(burst.Id, chat.ReferenceKey), OutboundMessage.FromCard(card));
        }
    }

    /// <summary>
    /// Whether a click from <paramref name="tenant"/> may decide the burst: the organisation of the conversations
    /// the card was posted in (a coordinator of another organisation on the roster may not).
    /// </summary>
    public async Task<bool> SameOrganisationAsync(Burst burst, string? tenant, CancellationToken ct)
    {
        var known = false;
        foreach (var key in burst.ShownIn)
        {
            if (await references.FindAsync(key, ct) is not { TenantId: { Length: > 0 } shownTenant }) continue;
            if (string.Equals(shownTenant, tenant, StringComparison.OrdinalIgnoreCase)) return true;
            known = true;
        }
        return !known;
    }

    /// <summary>"Your ticket is part of major incident …", with the coordinator's message (null: the card's default, in the reader's language).</summary>
    public Task<bool> TellLinkedAsync(Ticket ticket, Ticket major, string? message, LocalizedText service, CancellationToken ct) =>
        cards.TellRequesterAsync(ticket, texts => new MessageView(
            texts.Format("burst.notice.title", ("number", ticket.Number.ToString()), ("major", major.Number.ToString())),
            texts.Format("burst.notice.text", ("message", message ?? BurstCard.DefaultMessage(texts, service))),
            MessageTone.Warning, ticket.Id), ct);

    /// <summary>The major incident's own requester: their ticket is the major incident now.</summary>
    public Task<bool> TellMajorAsync(Ticket major, string? message, LocalizedText service, CancellationToken ct) =>
        cards.TellRequesterAsync(major, texts => new MessageView(
            texts.Format("notice.major.title", ("number", major.Number.ToString())),
            texts.Format("burst.notice.text", ("message", message ?? BurstCard.DefaultMessage(texts, service))),
            MessageTone.Warning, major.Id), ct);

    public async Task<LocalizedText> ServiceNameAsync(string serviceKey, CancellationToken ct) =>
        (await catalog.FindServiceAsync(serviceKey, ct))?.Name ?? new LocalizedText(serviceKey, serviceKey);

    // One card in the coordinators' channel when it has one; one in each coordinator's chat otherwise.
    private async Task<List<TicketAudience>> OfferTargetsAsync(CancellationToken ct) =>
        await ChannelAsync(ct) is { } channel ? [channel] : await ChatsAsync(ct);

    // Wherever the card went (a channel registered later does not take over a card already in the chats).
    private async Task<List<TicketAudience>> ShownAsync(Burst burst, CancellationToken ct)
    {
        var all = await ChatsAsync(ct);
        if (await ChannelAsync(ct) is { } channel) all.Insert(0, channel);
        return all.Where(a => burst.ShownIn.Contains(a.ReferenceKey)).DistinctBy(a => a.ReferenceKey).ToList();
    }

    private async Task<TicketAudience?> ChannelAsync(CancellationToken ct) =>
        await roster.FindGroupAsync(reports.Value.CoordinatorsGroup, ct) is { } group ? await addresses.ChannelOfAsync(group, ct) : null;

    private async Task<List<TicketAudience>> ChatsAsync(CancellationToken ct)
    {
        var chats = new List<TicketAudience>();
        foreach (var coordinator in await roster.PeopleInRoleAsync(Role.Coordinator, ct))
            if (await addresses.PersonAsync(coordinator, ct) is { } chat && chats.All(c => c.ReferenceKey != chat.ReferenceKey))
                chats.Add(chat);
        return chats;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A burst of {Count} similar tickets about {Service} found no coordinator to offer it to; register the coordinators' channel (Reports:CoordinatorsGroup) or let coordinators open a chat with the bot")]
    private partial void LogNobody(string service, int count);
}
