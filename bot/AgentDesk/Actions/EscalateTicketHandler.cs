using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// "Escalate": to the group chosen on the card, else the one that owns the ticket's service at that
/// level, else the only group of that level. The ticket goes back to New in that group's queue, its
/// card moves to that group's channel, and the old card says where it went.
/// </summary>
internal sealed class EscalateTicketHandler(TicketDesk desk, IRosterRepository roster, ICatalogRepository catalog) : ICardActionHandler<EscalateTicket>
{
    public Task<CardActionOutcome> HandleAsync(EscalateTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, async step =>
        {
            var ticket = step.Ticket;
            var target = await TargetAsync(action, ticket, context, ct);
            var from = ticket.Group;
            ticket.Escalate(target.Level, target.Name, action.Reason, step.Actor.Ref, step.Now);
            step.MovedFrom = from;
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.escalated.title", ("number", ticket.Number.ToString())),
                texts.Format("notice.escalated.text", ("level", texts.Name(target.Level)), ("group", target.Name))));
        }, ct);

    private async Task<SupportGroup> TargetAsync(EscalateTicket action, Ticket ticket, TurnContext context, CancellationToken ct)
    {
        var texts = context.Texts;
        if (!string.IsNullOrWhiteSpace(action.Group))
            return await roster.FindGroupAsync(action.Group.Trim(), ct)
                ?? throw TicketStep.Refuse(texts.Format("desk.error.unknownGroup", ("group", action.Group.Trim())));

        var atLevel = (await roster.GroupsAsync(ct)).Where(g => g.Level == action.To).ToList();
        var serviceKey = ticket.ServiceKey ?? (ticket.CategoryKey is { } c ? (await catalog.FindCategoryAsync(c, ct))?.ServiceKey : null);
        var owner = serviceKey is null ? null : (await catalog.FindServiceAsync(serviceKey, ct))?.OwnerGroup;
        return atLevel.FirstOrDefault(g => string.Equals(g.Name, owner, StringComparison.OrdinalIgnoreCase))
            ?? (atLevel.Count == 1 ? atLevel[0] : null)
            ?? throw TicketStep.Refuse(atLevel.Count == 0
                ? texts.Format("desk.error.noGroupAtLevel", ("level", texts.Name(action.To)), ("number", ticket.Number.ToString()))
                : texts.Format("desk.error.chooseGroup", ("level", texts.Name(action.To))));
    }
}
