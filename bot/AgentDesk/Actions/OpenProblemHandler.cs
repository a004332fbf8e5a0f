using System.Security.Cryptography;
using System.Text;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// "Open a problem" (level 2 or 3, when the root cause cannot be fixed now): a problem record owned by
/// the ticket's group, the incident linked to it, and the problem's card in the group's channel.
/// </summary>
internal sealed class OpenProblemHandler(
    TicketDesk desk,
    IServiceScopeFactory scopes,
    IProblemRepository problems,
    ProblemCards problemCards,
    TicketCards cards) : ICardActionHandler<OpenProblem>
{
    public Task<CardActionOutcome> HandleAsync(OpenProblem action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, async step =>
        {
            var ticket = step.Ticket;
            if (ticket.Kind != TicketKind.Incident) throw new DomainException("ticket.problemOnlyIncident", $"{ticket.Number} is not an incident.");
            if (ticket.Status.IsTerminal()) throw new InvalidTransitionException(ticket.Number, ticket.Status, TicketTransition.Assign);
            var id = ProblemIdFor(context, ticket);
            // Checks the rules (level 2 or 3, a title) before anything is written.
            var opened = Problem.Open(id, action.Title, ticket.Description, ticket.Group, ticket.Level, step.Actor.Ref, step.Now);
            await NumberAsync(opened, ct);

            var problem = await problems.FindAsync(id, ct) ?? throw new InvalidOperationException($"Problem {id} was saved but cannot be read back.");
            problem.LinkIncident(ticket);
            ticket.LinkToProblem(problem.Id, problem.Number, step.Actor.Ref, step.Now);
            step.Then(async _ =>
            {
                await problemCards.PostAsync(problem, ct);
                await cards.PostInThreadAsync(ticket, c => MessageCard.Render(new MessageView(
                    c.Texts.Format("notice.problemOpened.title", ("problem", problem.Number)),
                    c.Texts.Format("notice.problemOpened.text", ("by", step.Actor.Ref.DisplayName), ("number", ticket.Number.ToString()))), c), ct);
            });
        }, ct);

    // Problems are numbered when they are saved, and the incident's log names the number: the record is
    // saved first, on its own. Its id comes from the click, so a retried or redelivered click finds it
    // instead of opening a second one.
    private async Task NumberAsync(Problem opened, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IProblemRepository>();
        if (await repository.FindAsync(opened.Id, ct) is not null) return;
        repository.Add(opened);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
    }

    private static Guid ProblemIdFor(TurnContext context, Ticket ticket)
    {
        if (context.Turn.ActivityId is not { Length: > 0 } activity) return Guid.NewGuid();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"problem|{context.Turn.ChannelId}|{activity}|{ticket.Id:N}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
