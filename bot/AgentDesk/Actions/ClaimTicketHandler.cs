using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Claim": the first agent to click owns it (a second click is a stale card: "already claimed by Ana").</summary>
internal sealed class ClaimTicketHandler(TicketDesk desk) : ICardActionHandler<ClaimTicket>
{
    public Task<CardActionOutcome> HandleAsync(ClaimTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, step =>
        {
            step.Ticket.Claim(step.Actor.Ref, step.Now);
            step.TellRequester(texts => new MessageView(
                texts.Format("notice.claimed.title", ("number", step.Ticket.Number.ToString())),
                texts.Format("notice.claimed.text", ("agent", step.Actor.Ref.DisplayName), ("title", step.Ticket.Title)), MessageTone.Info));
            return Task.CompletedTask;
        }, ct);
}
