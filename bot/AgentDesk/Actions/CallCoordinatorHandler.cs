using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Call the coordinator": the escalation point of the desk hears it in their chat, with the agent's reason.</summary>
internal sealed partial class CallCoordinatorHandler(
    TicketDesk desk,
    IRosterRepository roster,
    TicketAddresses addresses,
    TicketCards cards,
    ILogger<CallCoordinatorHandler> log) : ICardActionHandler<CallCoordinator>
{
    public Task<CardActionOutcome> HandleAsync(CallCoordinator action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, step =>
        {
            var ticket = step.Ticket;
            ticket.CallCoordinator(action.Reason.Trim(), step.Actor.Ref, step.Now);
            step.Then(async _ =>
            {
                var called = 0;
                foreach (var coordinator in await roster.PeopleInRoleAsync(Role.Coordinator, ct))
                {
                    if (await addresses.PersonAsync(coordinator, ct) is not { } chat) continue;
                    cards.Send(chat, c => MessageCard.Render(new MessageView(
                        c.Texts.Format("notice.coordinatorCalled.title", ("by", step.Actor.Ref.DisplayName)),
                        c.Texts.Format("notice.coordinatorCalled.text", ("number", ticket.Number.ToString()), ("title", ticket.Title),
                            ("group", ticket.Group), ("reason", action.Reason.Trim())), MessageTone.Warning), c));
                    called++;
                }
                if (called == 0) LogNobody(ticket.Number.ToString());
            });
            return Task.CompletedTask;
        }, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Ticket}: a coordinator was called and none can be reached; add coordinators to the roster and let them open a chat with the bot")]
    private partial void LogNobody(string ticket);
}
