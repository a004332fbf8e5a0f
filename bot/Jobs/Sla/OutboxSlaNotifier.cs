using Microsoft.Extensions.Options;
using NodaTime;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Jobs.Delivery;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>
/// SLA notices as message cards ("show the ticket" button) in each reader's language, enqueued
/// through <see cref="IOutbound"/> in the unit of work that records the threshold. Refreshing the ticket's own card is
/// left to whoever owns the card's correlation (the ticket cards' sender).
/// </summary>
public sealed class OutboxSlaNotifier(
    ProactiveAddresses addresses,
    IRosterRepository roster,
    IOutbound outbound,
    IOptions<DeskOptions> desk,
    TimeProvider time,
    ILogger<OutboxSlaNotifier> log) : ISlaNotifier
{
    public async Task WarnAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, CancellationToken ct)
    {
        var recipients = new List<Recipient>();
        if (ticket.Assignee is { } assignee && await addresses.PersonAsync(assignee.Key, null, ct) is { } person)
            recipients.Add(person);
        else if (await GroupChannelAsync(ticket.Group, ct) is { } channel)
            recipients.Add(channel);
        Enqueue(ticket, "warning", target, recipients, MessageTone.Warning, language => SlaNoticeTexts.Format(language, "warning.text",
            Values(ticket, target, dueAt, language)));
    }

    public async Task EscalatedAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, string fromGroup, PersonRef? formerAssignee, CancellationToken ct)
    {
        var recipients = new List<Recipient>();
        if (await GroupChannelAsync(ticket.Group, ct) is { } channel) recipients.Add(channel);
        if (formerAssignee is not null && await addresses.PersonAsync(formerAssignee.Key, null, ct) is { } person) recipients.Add(person);
        Enqueue(ticket, "escalated", target, recipients, MessageTone.Error, language => SlaNoticeTexts.Format(language, "escalated.text",
            [.. Values(ticket, target, dueAt, language), ("from", fromGroup), ("level", ticket.Level.ToString())]));
    }

    public async Task CoordinatorsCalledAsync(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, CancellationToken ct)
    {
        var recipients = new List<Recipient>();
        foreach (var coordinator in await roster.PeopleInRoleAsync(Role.Coordinator, ct))
            if (await addresses.PersonAsync(coordinator.Key, null, ct) is { } person) recipients.Add(person);
        if (recipients.Count == 0)
            log.LogWarning("{Ticket} breached its {Target} target and no coordinator can be reached: add coordinators to the roster and let them open a chat with the bot.", ticket.Number, target);
        if (await GroupChannelAsync(ticket.Group, ct) is { } channel) recipients.Add(channel);
        var key = target == SlaTarget.Response ? "coordinators.response" : "coordinators.resolution";
        Enqueue(ticket, "coordinators", target, recipients, MessageTone.Error, language => SlaNoticeTexts.Format(language, key,
            [.. Values(ticket, target, dueAt, language), ("level", ticket.Level.ToString())]));
    }

    private async Task<Recipient?> GroupChannelAsync(string groupName, CancellationToken ct)
    {
        var group = await roster.FindGroupAsync(groupName, ct);
        var channel = group is null ? null : ProactiveAddresses.GroupChannel(group);
        if (channel is null) log.LogWarning("Group {Group} has no triage channel: its SLA notices cannot be posted.", groupName);
        return channel;
    }

    private (string, string)[] Values(Ticket ticket, SlaTarget target, DateTimeOffset dueAt, Language language)
    {
        var texts = Texts.For(language);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        return
        [
            ("number", ticket.Number.ToString()),
            ("title", ticket.Title),
            ("target", texts.Name(target)),
            ("due", texts.DayAndTime(dueAt, desk.Value.Zone, now)),
            ("group", ticket.Group),
        ];
    }

    private void Enqueue(Ticket ticket, string notice, SlaTarget target, List<Recipient> recipients, MessageTone tone, Func<Language, string> text)
    {
        if (recipients.Count == 0)
            log.LogWarning("Nobody can be told that {Ticket} reached its {Target} {Notice} threshold.", ticket.Number, target, notice);
        var now = time.GetUtcNow();
        foreach (var recipient in recipients.DistinctBy(r => r.ReferenceKey))
        {
            var context = CardContext.For(recipient.Locale, desk.Value.DefaultLocale, desk.Value.Zone, Instant.FromDateTimeOffset(now));
            var title = SlaNoticeTexts.Format(context.Texts.Language, $"{notice}.title");
            var body = text(context.Texts.Language);
            var card = MessageCard.Render(new MessageView(title, body, tone, ticket.Id), context);
            outbound.Send(new OutboundTarget(recipient.ReferenceKey), OutboundMessage.FromCard(card),
                correlationKey: $"sla:{ticket.Id:N}:{target}:{notice}");
        }
    }
}
