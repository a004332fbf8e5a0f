using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// "Resolve the problem" (its owner group, or a coordinator): the root cause is recorded and the
/// requester of every linked incident is told in their language; open incidents log the message.
/// </summary>
internal sealed partial class ResolveProblemHandler(
    IProblemRepository problems,
    ITicketRepository tickets,
    DeskAuthorization authorization,
    ProblemCards problemCards,
    TicketCards cards,
    TicketFollowUps followUps,
    IOptions<DeskOptions> desk,
    ILogger<ResolveProblemHandler> log) : ICardActionHandler<ResolveProblem>
{
    public async Task<CardActionOutcome> HandleAsync(ResolveProblem action, TurnContext context, CancellationToken ct)
    {
        var texts = context.Texts;
        var problem = await problems.FindAsync(action.ProblemId, ct);
        if (problem is null) return new CardActionOutcome.Notice(texts.Format("desk.error.noProblem", ("problem", action.ProblemId.ToString())));
        var decision = await authorization.ProblemAsync(context, problem, ct);
        if (decision.Refusal is { } refusal)
        {
            LogRefused(problem.Number, decision.Actor.Ref.Key, refusal);
            return new CardActionOutcome.Notice(DeskTexts.Refused(texts, refusal, problem.Number, problem.OwnerGroup));
        }
        if (action.Version != problem.Version)
        {
            await problemCards.RefreshAsync(problem, ct);
            return new CardActionOutcome.Notice($"{texts["message.outOfDate"]}. {texts.Format("message.outOfDateTicket", ("number", problem.Number))}");
        }
        try
        {
            problem.Resolve(action.RootCause, context.Now);
        }
        catch (DomainException e)
        {
            return new CardActionOutcome.Notice(DeskTexts.Explain(texts, e, null));
        }

        var rootCause = problem.RootCause!;
        foreach (var incidentId in problem.LinkedIncidents)
        {
            if (await tickets.FindAsync(incidentId, ct) is not { } incident) continue;
            MessageView Notice(Texts t) => new(
                t.Format("notice.problemResolved.title", ("number", incident.Number.ToString())),
                t.Format("notice.problemResolved.text", ("problem", problem.Number), ("rootCause", rootCause)), MessageTone.Success);
            if (!incident.Status.IsTerminal())
            {
                // The log keeps what the requester was told, in their language.
                var told = Notice(Texts.For(incident.Requester.Locale, desk.Value.DefaultLocale));
                incident.MessageRequester(decision.Actor.Ref, told.Text, context.Now);
                followUps.Changed(incident);
                var view = await cards.ViewAsync(incident, ct);
                await cards.RefreshAgentCardAsync(incident, view, ct);
                await cards.RefreshRequesterCardAsync(incident, view, ct);
            }
            await cards.TellRequesterAsync(incident, Notice, ct);
        }
        await problemCards.RefreshAsync(problem, ct);
        LogResolved(problem.Number, decision.Actor.Ref.Key, problem.LinkedIncidents.Count);
        return new CardActionOutcome.RefreshedCard(await problemCards.RenderAsync(problem, context.Cards, ct));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "resolveProblem on {Problem} refused to {Person}: {Refusal}")]
    private partial void LogRefused(string problem, string person, DeskRefusal refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Problem} resolved by {Person}; the requesters of {Count} linked incident(s) told")]
    private partial void LogResolved(string problem, string person, int count);
}
