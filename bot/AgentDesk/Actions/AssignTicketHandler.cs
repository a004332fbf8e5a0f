using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Assign": to an agent or specialist of the ticket's group, who hears it in their chat; the requester hears who has it.</summary>
internal sealed class AssignTicketHandler(TicketDesk desk, IRosterRepository roster, TicketAddresses addresses, TicketCards cards)
    : ICardActionHandler<AssignTicket>
{
    public Task<CardActionOutcome> HandleAsync(AssignTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, async step =>
        {
            var ticket = step.Ticket;
            var texts = context.Texts;
            var key = action.AssigneeKey.Trim();
            var assignee = await roster.FindPersonAsync(key, ct) ?? throw TicketStep.Refuse(texts.Format("desk.error.unknownPerson", ("key", key)));
            var group = await roster.FindGroupAsync(ticket.Group, ct);
            if (!assignee.IsIn(ticket.Group) || !(assignee.Has(Role.Agent) || assignee.Has(Role.Specialist))
                || !TicketViews.SameTenant(assignee, group?.TriageChannel?.TenantId))
                throw TicketStep.Refuse(texts.Format("desk.error.notAgentOfGroup", ("name", assignee.DisplayName), ("group", ticket.Group)));

            ticket.AssignTo(assignee.AsRef(), step.Actor.Ref, step.Now);
            step.TellRequester(t => new MessageView(
                t.Format("notice.assigned.title", ("number", ticket.Number.ToString())),
                t.Format("notice.assigned.text", ("agent", assignee.DisplayName), ("title", ticket.Title))));
            if (assignee.Key != step.Actor.Ref.Key)
                step.Then(async _ =>
                {
                    if (await addresses.PersonAsync(assignee, ct) is { } chat)
                        cards.Send(chat, c => MessageCard.Render(new MessageView(
                            c.Texts.Format("notice.assignedToYou.title", ("number", ticket.Number.ToString())),
                            c.Texts.Format("notice.assignedToYou.text", ("by", step.Actor.Ref.DisplayName), ("title", ticket.Title))), c));
                });
        }, ct);
}
