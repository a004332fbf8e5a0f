using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>
/// SLA thresholds on the ticket's cards and in people's chats, through <see cref="TicketCards"/>
/// (so the cards keep their one correlation per group) into the outbox of the unit of work that
/// records the threshold. Notices are message cards with "show the ticket", in each reader's language.
/// </summary>
public sealed class CardSlaNotifier(
    TicketCards cards,
    TicketAddresses addresses,
    IRosterRepository roster,
    TimeProvider time,
    ILogger<CardSlaNotifier> log) : ISlaNotifier
{
    public async Task WarnAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, CancellationToken ct)
    {
        var view = await cards.ViewAsync(ticket, ct);
        // The agent card's SLA line turns "at risk" for everyone in the channel.
        await cards.RefreshAgentCardAsync(ticket, view, ct);
        var notice = Notice(ticket, "warning", MessageTone.Warning, reader => Values(ticket, target, dueAt, reader));
        if (ticket.Assignee is { } assignee && await PersonalChatAsync(assignee.Key, ct) is { } chat)
            cards.Send(chat, notice, CorrelationKey(ticket, target, "warning"));
        else
            await cards.PostInThreadAsync(ticket, notice, ct); // nobody owns it: under its card, for whoever takes it
    }

    public async Task EscalatedAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, string fromGroup, PersonRef? formerAssignee, CancellationToken ct)
    {
        var view = await cards.ViewAsync(ticket, ct);
        // The card moves, as on an agent's escalation: the old one says where the ticket went, a new one
        // lands in the next level's channel. Nobody clicked, so the card rendered for a clicker is not needed.
        await cards.MoveAgentCardAsync(ticket, view, fromGroup, cards.ContextFor(null, "msteams", time.GetUtcNow()), ct);
        var notice = Notice(ticket, "escalated", MessageTone.Error, reader =>
            [.. Values(ticket, target, dueAt, reader), ("from", fromGroup), ("level", ticket.Level.ToString())]);
        await cards.PostInThreadAsync(ticket, notice, ct);
        if (formerAssignee is not null && await PersonalChatAsync(formerAssignee.Key, ct) is { } chat)
            cards.Send(chat, notice, CorrelationKey(ticket, target, "escalated"));
        await cards.RefreshRequesterCardAsync(ticket, view, ct);
    }

    public async Task CoordinatorsCalledAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, CancellationToken ct)
    {
        var view = await cards.ViewAsync(ticket, ct);
        await cards.RefreshAgentCardAsync(ticket, view, ct);
        var key = target == SlaTarget.Response ? "coordinators.response" : "coordinators.resolution";
        var notice = Notice(ticket, "coordinators", MessageTone.Error, reader =>
            [.. Values(ticket, target, dueAt, reader), ("level", ticket.Level.ToString())], key);
        await cards.PostInThreadAsync(ticket, notice, ct);
        var told = 0;
        foreach (var coordinator in await roster.PeopleInRoleAsync(Role.Coordinator, ct))
        {
            if (await addresses.PersonAsync(coordinator, ct) is not { } chat) continue;
            cards.Send(chat, notice, CorrelationKey(ticket, target, "coordinators"));
            told++;
        }
        if (told == 0)
            log.LogWarning("{Ticket} breached its {Target} target and no coordinator can be reached: add coordinators to the roster and have them open a chat with the bot.", ticket.Number, target);
    }

    private async Task<TicketAudience?> PersonalChatAsync(string personKey, CancellationToken ct) =>
        await roster.FindPersonAsync(personKey, ct) is { } person ? await addresses.PersonAsync(person, ct) : null;

    private static string CorrelationKey(Ticket ticket, SlaTarget target, string notice) => $"sla:{ticket.Number}:{target}:{notice}";

    // One notice, rendered per reader: the title and text in their language, dates in their zone.
    private static Func<CardContext, JsonObject> Notice(Ticket ticket, string notice, MessageTone tone,
        Func<CardContext, (string, string)[]> values, string? textKey = null) => context =>
    {
        var texts = context.Texts;
        var view = new MessageView(texts.Sentence($"sla.notice.{notice}.title"),
            texts.Sentence($"sla.notice.{textKey ?? notice + ".text"}", values(context)), tone, ticket.Id);
        return MessageCard.Render(view, context);
    };

    private static (string, string)[] Values(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, CardContext reader) =>
    [
        ("number", ticket.Number.ToString()),
        ("title", ticket.Title),
        ("target", reader.Texts.Name(target)),
        ("due", reader.When(dueAt)),
        ("group", ticket.Group),
    ];
}
