using ServiceDesk.Bot.People;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// "Declare major incident": P1 with the Major flag and P1's targets; the coordinators (who own major
/// incidents) are alerted in their chats, the requester is told, and the requester's manager is informed
/// when the directory (Graph) knows them and the bot can reach them.
/// </summary>
internal sealed partial class DeclareMajorHandler(
    TicketDesk desk,
    TicketSlaPolicies policies,
    IRosterRepository roster,
    IRequesterDirectory directory,
    TicketAddresses addresses,
    TicketCards cards,
    ILogger<DeclareMajorHandler> log) : ICardActionHandler<DeclareMajor>
{
    public Task<CardActionOutcome> HandleAsync(DeclareMajor action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, async step =>
        {
            var ticket = step.Ticket;
            ticket.DeclareMajor(await policies.ForAsync(Priority.P1, ticket.ServiceKey, ct), step.Actor.Ref, step.Now);
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.major.title", ("number", ticket.Number.ToString())), texts["notice.major.text"], MessageTone.Warning));
            step.Then(async _ =>
            {
                var number = ticket.Number.ToString();
                var alerted = 0;
                foreach (var coordinator in await roster.PeopleInRoleAsync(Role.Coordinator, ct))
                {
                    if (await addresses.PersonAsync(coordinator, ct) is not { } chat) continue;
                    cards.Send(chat, c => MessageCard.Render(new MessageView(
                        c.Texts.Format("notice.majorAlert.title", ("number", number)),
                        c.Texts.Format("notice.majorAlert.text", ("by", step.Actor.Ref.DisplayName), ("group", ticket.Group),
                            ("title", ticket.Title), ("requester", ticket.Requester.DisplayName)), MessageTone.Error), c));
                    alerted++;
                }
                if (alerted == 0) LogNoCoordinator(number);
                await InformManagerAsync(ticket, ct);
            });
        }, ct);

    private async Task InformManagerAsync(Ticket ticket, CancellationToken ct)
    {
        var profile = await directory.FindAsync(ticket.Requester.Key, ct);
        if (profile?.Manager is not { } manager) return;
        if (await addresses.DirectoryUserAsync(manager.AadObjectId, ct) is not { } chat)
        {
            LogManagerUnreachable(ticket.Number.ToString(), manager.AadObjectId);
            return;
        }
        cards.Send(chat, c => MessageCard.Render(new MessageView(
            c.Texts.Format("notice.manager.title", ("requester", ticket.Requester.DisplayName)),
            c.Texts.Format("notice.manager.text", ("requester", ticket.Requester.DisplayName), ("number", ticket.Number.ToString()), ("title", ticket.Title)),
            MessageTone.Warning), c));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Major incident {Ticket}: no coordinator could be alerted; add coordinators to the roster and let them open a chat with the bot")]
    private partial void LogNoCoordinator(string ticket);

    [LoggerMessage(Level = LogLevel.Information, Message = "Major incident {Ticket}: the requester's manager ({Manager}) has no chat with the bot, so they were not informed")]
    private partial void LogManagerUnreachable(string ticket, string manager);
}
