using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Tickets;

/// <summary>
/// The ticket's cards where people see them: the agent card in the triage channel (one per group the
/// ticket passed through, named by <see cref="AgentCardKey"/> so each later change edits it), the
/// requester's card in their chat (<see cref="RequesterCardKey"/>), and short notices in each
/// reader's language. Everything goes through the outbox of the caller's unit of work.
/// </summary>
public sealed partial class TicketCards(
    IOutbound outbound,
    IOutboxStore sent,
    TicketAddresses addresses,
    TicketViews views,
    IOptions<DeskOptions> desk,
    TimeProvider time,
    ILogger<TicketCards> log)
{
    /// <summary>The agent card of the ticket in one group's channel (a ticket gets a new card in each group it is escalated to).</summary>
    public static string AgentCardKey(TicketNumber number, string group) => $"agent-card:{number}:{group}";

    public static string RequesterCardKey(TicketNumber number) => $"requester-card:{number}";

    /// <summary>Who reads the card in a conversation: Teams runs universal actions, the other channels plain submits.</summary>
    public CardContext ContextFor(string? locale, string channelId, DateTimeOffset now, string? timeZone = null)
    {
        var settings = desk.Value;
        return CardContext.For(locale, settings.DefaultLocale, CardContext.ZoneOr(timeZone, settings.Zone), Instant.FromDateTimeOffset(now)) with
        {
            Actions = channelId == "msteams" ? ActionKind.Execute : ActionKind.Submit,
            DeskZone = settings.Zone,
        };
    }

    public Task<TicketView> ViewAsync(Ticket ticket, CancellationToken ct) => views.ForAsync(ticket, time.GetUtcNow(), ct);

    /// <summary>
    /// Posts a new agent card in the triage channel of the ticket's group (level 1's when the group has
    /// none). False when there is nowhere to post: logged, and the ticket carries on regardless.
    /// </summary>
    public async Task<bool> PostAgentCardAsync(Ticket ticket, TicketView view, CancellationToken ct)
    {
        if (await addresses.TriageChannelAsync(ticket.Group, ct) is not { } triage)
        {
            LogNoChannel(ticket.Number.ToString(), ticket.Group);
            return false;
        }
        if (!string.Equals(triage.Owner.Name, ticket.Group, StringComparison.OrdinalIgnoreCase))
            LogFallbackChannel(ticket.Number.ToString(), ticket.Group, triage.Owner.Name);
        var card = AgentTicketCard.Render(view, ContextFor(triage.Channel.Locale, triage.Channel.ChannelId, time.GetUtcNow()));
        outbound.Send(new OutboundTarget(triage.Channel.ReferenceKey), OutboundMessage.FromCard(card), AgentCardKey(ticket.Number, ticket.Group));
        return true;
    }

    /// <summary>Edits the ticket's current agent card in its channel, so everyone there sees the change.</summary>
    public async Task RefreshAgentCardAsync(Ticket ticket, TicketView view, CancellationToken ct)
    {
        if (await addresses.TriageChannelAsync(ticket.Group, ct) is not { } triage) return;
        var card = AgentTicketCard.Render(view, ContextFor(triage.Channel.Locale, triage.Channel.ChannelId, time.GetUtcNow()));
        outbound.UpdateCorrelated(new OutboundTarget(triage.Channel.ReferenceKey), AgentCardKey(ticket.Number, ticket.Group), OutboundMessage.FromCard(card));
    }

    /// <summary>
    /// Posts under the ticket's agent card in its channel, so the card's thread tells the story (the
    /// requester's answers); a new post in the channel when the card is not out yet.
    /// </summary>
    public async Task PostInThreadAsync(Ticket ticket, Func<CardContext, JsonObject> render, CancellationToken ct)
    {
        if (await addresses.TriageChannelAsync(ticket.Group, ct) is not { } triage) return;
        var cardId = await sent.SentMessageIdAsync(AgentCardKey(ticket.Number, ticket.Group), ct);
        var card = render(ContextFor(triage.Channel.Locale, triage.Channel.ChannelId, time.GetUtcNow()));
        outbound.Send(new OutboundTarget(triage.Channel.ReferenceKey, ReplyToId: cardId), OutboundMessage.FromCard(card));
    }

    /// <summary>
    /// After an escalation: the card in the old group's channel shows where the ticket went, and the new
    /// group's channel gets the card to work it from. Returns the moved card as <paramref name="reader"/> reads it.
    /// </summary>
    public async Task<JsonObject> MoveAgentCardAsync(Ticket ticket, TicketView view, string fromGroup, CardContext reader, CancellationToken ct)
    {
        var escalation = ticket.Escalations.Last();
        if (await addresses.TriageChannelAsync(fromGroup, ct) is { } old)
        {
            var moved = MovedTicketCard.Render(view, escalation, ContextFor(old.Channel.Locale, old.Channel.ChannelId, time.GetUtcNow()));
            outbound.UpdateCorrelated(new OutboundTarget(old.Channel.ReferenceKey), AgentCardKey(ticket.Number, fromGroup), OutboundMessage.FromCard(moved));
        }
        await PostAgentCardAsync(ticket, view, ct);
        return MovedTicketCard.Render(view, escalation, reader);
    }

    /// <summary>The agent card as one reader sees it (the invoke response of a click).</summary>
    public JsonObject AgentCard(TicketView view, CardContext context) => AgentTicketCard.Render(view, context);

    public JsonObject RequesterCard(TicketView view, CardContext context) => RequesterTicketCard.Render(view, context);

    /// <summary>Sends the requester their ticket's card (on registration); false when the bot cannot reach them.</summary>
    public async Task<bool> SendRequesterCardAsync(Ticket ticket, TicketView view, string? conversationKey, string? channelId, CancellationToken ct,
        string? timeZone = null)
    {
        var audience = conversationKey is not null && channelId is not null
            ? new TicketAudience(conversationKey, channelId, null, timeZone)
            : await addresses.RequesterAsync(ticket.Requester, ct);
        if (audience is null)
        {
            LogRequesterUnreachable(ticket.Number.ToString(), ticket.Requester.Key);
            return false;
        }
        var card = RequesterTicketCard.Render(view, ContextFor(LocaleOf(ticket, audience), audience.ChannelId, time.GetUtcNow(), audience.TimeZone));
        outbound.Send(new OutboundTarget(audience.ReferenceKey), OutboundMessage.FromCard(card), RequesterCardKey(ticket.Number));
        return true;
    }

    /// <summary>Edits the requester's card in their chat.</summary>
    public async Task RefreshRequesterCardAsync(Ticket ticket, TicketView view, CancellationToken ct)
    {
        if (await addresses.RequesterAsync(ticket.Requester, ct) is not { } audience) return;
        var card = RequesterTicketCard.Render(view, ContextFor(LocaleOf(ticket, audience), audience.ChannelId, time.GetUtcNow(), audience.TimeZone));
        outbound.UpdateCorrelated(new OutboundTarget(audience.ReferenceKey), RequesterCardKey(ticket.Number), OutboundMessage.FromCard(card));
    }

    /// <summary>A short notice in the requester's chat, in their language; false when the bot cannot reach them.</summary>
    public async Task<bool> TellRequesterAsync(Ticket ticket, Func<Texts, MessageView> notice, CancellationToken ct)
    {
        if (await addresses.RequesterAsync(ticket.Requester, ct) is not { } audience)
        {
            LogRequesterUnreachable(ticket.Number.ToString(), ticket.Requester.Key);
            return false;
        }
        var context = ContextFor(LocaleOf(ticket, audience), audience.ChannelId, time.GetUtcNow(), audience.TimeZone);
        outbound.Send(new OutboundTarget(audience.ReferenceKey), OutboundMessage.FromCard(MessageCard.Render(notice(context.Texts), context)));
        return true;
    }

    /// <summary>A card (any) to a conversation, rendered in its reader's language.</summary>
    public void Send(TicketAudience audience, Func<CardContext, JsonObject> render, string? correlationKey = null)
    {
        var card = render(ContextFor(audience.Locale, audience.ChannelId, time.GetUtcNow(), audience.TimeZone));
        outbound.Send(new OutboundTarget(audience.ReferenceKey), OutboundMessage.FromCard(card), correlationKey);
    }

    // The language the requester wrote in; the chat's last one when the ticket does not say.
    private static string? LocaleOf(Ticket ticket, TicketAudience audience) =>
        string.IsNullOrWhiteSpace(ticket.Requester.Locale) ? audience.Locale : ticket.Requester.Locale;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Ticket}: neither group {Group} nor level 1 has a triage channel; its card was not posted (register one with PUT /api/admin/groups/{Group} or from Teams)")]
    private partial void LogNoChannel(string ticket, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Ticket}: group {Group} has no triage channel; its card goes to {Fallback}'s")]
    private partial void LogFallbackChannel(string ticket, string group, string fallback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Ticket}: the requester {Requester} has no chat the bot can reach; they are not told")]
    private partial void LogRequesterUnreachable(string ticket, string requester);
}
