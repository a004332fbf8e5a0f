using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Ask the requester": the question reaches their chat with a box to answer; the answer comes back to the ticket and the card's thread.</summary>
internal sealed class AskRequesterHandler(TicketDesk desk, TicketAddresses addresses, TicketCards cards) : ICardActionHandler<AskRequester>
{
    public Task<CardActionOutcome> HandleAsync(AskRequester action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, step =>
        {
            var ticket = step.Ticket;
            ticket.AskRequester(step.Actor.Ref, action.Question, step.Now);
            step.Then(async _ =>
            {
                if (await addresses.RequesterAsync(ticket.Requester, ct) is not { } chat) return;
                var question = new QuestionView(ticket.Id, ticket.Version, ticket.Number, ticket.Title, step.Actor.Ref.DisplayName, action.Question.Trim());
                cards.Send(chat with { Locale = string.IsNullOrWhiteSpace(ticket.Requester.Locale) ? chat.Locale : ticket.Requester.Locale },
                    c => QuestionCard.Render(question, c));
            });
            return Task.CompletedTask;
        }, ct);
}
