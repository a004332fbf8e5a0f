using ServiceDesk.Domain;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Surveys;

/// <param name="Closed">The answer closed the ticket (its requester accepted the fix).</param>
public sealed record SurveyAnswer(Survey Survey, Ticket Ticket, bool Closed);

/// <summary>
/// Records a requester's rating: on the survey (what the satisfaction KPIs read) and as the
/// ticket's SurveyAnswered event, in one unit of work. A rating accepts the fix, so a resolved
/// ticket closes with it, unless its group wants an auditor to approve closures; "not fixed" is the
/// card's reopen action instead.
/// </summary>
public sealed class SurveyAnswers(IServiceScopeFactory scopes, ISurveyScheduler scheduler, TimeProvider time)
{
    /// <exception cref="DomainException">No such survey (<c>survey.notFound</c>), already answered (<c>survey.answered</c>), a rating out of 1–5, or the ticket was reopened (<c>survey.notResolved</c>).</exception>
    public async Task<SurveyAnswer> RecordAsync(Guid surveyId, int rating, string? comment, CancellationToken ct)
    {
        var answer = await ConflictRetry.RunAsync(scopes, async services =>
        {
            var survey = await services.GetRequiredService<ISurveyRepository>().FindAsync(surveyId, ct)
                ?? throw new DomainException("survey.notFound", $"Survey {surveyId} does not exist.");
            var ticket = await services.GetRequiredService<ITicketRepository>().FindAsync(survey.TicketId, ct)
                ?? throw new DomainException("survey.notFound", $"The ticket of survey {surveyId} does not exist.");
            var closes = await ApplyAsync(services, survey, ticket, rating, comment, time.GetUtcNow(), ct);
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            return new SurveyAnswer(survey, ticket, closes);
        }, ct);
        if (answer.Closed) await scheduler.CancelAsync(answer.Ticket.Id, ct);
        return answer;
    }

    /// <summary>
    /// The answer on the survey and the ticket, in the caller's unit of work (not saved): true when it
    /// closed the ticket. The card's handler runs this inside the turn, so the router commits it with the
    /// refreshed cards.
    /// </summary>
    /// <exception cref="DomainException">Already answered, a rating out of 1–5, or the ticket is not resolved.</exception>
    public static async Task<bool> ApplyAsync(IServiceProvider services, Survey survey, Ticket ticket, int rating, string? comment,
        DateTimeOffset now, CancellationToken ct)
    {
        survey.Answer(rating, comment, now);
        ticket.RecordSurveyAnswer(rating, comment, now);
        if (ticket.Status != TicketStatus.Resolved
            || await services.GetRequiredService<IRosterRepository>().FindGroupAsync(ticket.Group, ct) is { RequiresClosureApproval: true })
            return false;
        try
        {
            ticket.Close(ticket.Requester.AsPerson(), now);
            return true;
        }
        catch (DomainException)
        {
            return false; // not closable yet (no category): the rating still counts
        }
    }
}
