using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>"Link to a problem": any level can put an incident under a known problem (its requester hears when the problem is resolved).</summary>
internal sealed class LinkProblemHandler(TicketDesk desk, IProblemRepository problems, ProblemCards problemCards) : ICardActionHandler<LinkProblem>
{
    public Task<CardActionOutcome> HandleAsync(LinkProblem action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, async step =>
        {
            var number = action.ProblemNumber.Trim();
            var problem = await problems.FindByNumberAsync(number, ct)
                ?? throw TicketStep.Refuse(context.Texts.Format("desk.error.noProblem", ("problem", number)));
            if (problem.Status == ProblemStatus.Resolved)
                throw TicketStep.Refuse(context.Texts["desk.error.problemResolved"]);
            step.Ticket.LinkToProblem(problem.Id, problem.Number, step.Actor.Ref, step.Now);
            problem.LinkIncident(step.Ticket);
            step.Then(_ => problemCards.RefreshAsync(problem, ct));
        }, ct);
}
