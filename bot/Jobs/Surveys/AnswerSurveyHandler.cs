using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Surveys;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Surveys;

/// <summary>
/// A star on the survey card: only the ticket's requester may answer. The first answer stands: a
/// second click (a double tap, the card answered from another device) changes nothing and shows the
/// answer already given. A survey of a resolution that was since reopened no longer applies. The
/// answer is saved with the turn, the ticket's cards are refreshed (a rating closes the ticket, see
/// <see cref="SurveyAnswers.ApplyAsync"/>), and the survey card becomes a thank-you in the reader's language.
/// </summary>
internal sealed partial class AnswerSurveyHandler(
    ISurveyRepository surveys,
    ITicketRepository tickets,
    DeskAuthorization authorization,
    TicketCards cards,
    TicketFollowUps followUps,
    IServiceProvider services,
    ILogger<AnswerSurveyHandler> log) : ICardActionHandler<AnswerSurvey>
{
    public async Task<CardActionOutcome> HandleAsync(AnswerSurvey action, TurnContext context, CancellationToken ct)
    {
        var texts = context.Texts;
        var survey = await surveys.FindAsync(action.SurveyId, ct);
        var ticket = survey is null ? null : await tickets.FindAsync(survey.TicketId, ct);
        if (survey is null || ticket is null) return new CardActionOutcome.Notice(texts["survey.notFound"]);

        var decision = await authorization.RequesterAsync(context, ticket, ct);
        if (decision.Refusal is { } refusal)
        {
            LogRefused(ticket.Number.ToString(), decision.Actor.Ref.Key);
            return new CardActionOutcome.Notice(DeskTexts.Refused(texts, refusal, ticket.Number.ToString(), ticket.Group));
        }
        if (survey.Rating is { } given)
            return Answered(new SurveyAnswerView(ticket.Number, given, survey.Comment, Closed: false, AlreadyAnswered: true), context);
        if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed) || Survey.IdFor(ticket) != survey.Id)
            return new CardActionOutcome.Notice(texts.Format("survey.outdated", ("number", ticket.Number.ToString())));

        bool closed;
        try
        {
            closed = await SurveyAnswers.ApplyAsync(services, survey, ticket, action.Rating, action.Comment, context.Now, ct);
        }
        catch (DomainException e) when (survey.AnsweredAt is null)
        {
            // A rating out of 1–5 from a hand-made payload: refused before anything changed.
            return new CardActionOutcome.Notice(DeskTexts.Explain(texts, e, ticket));
        }

        followUps.Changed(ticket);
        var view = await cards.ViewAsync(ticket, ct);
        await cards.RefreshAgentCardAsync(ticket, view, ct);
        await cards.RefreshRequesterCardAsync(ticket, view, ct);
        LogAnswered(ticket.Number.ToString(), action.Rating, closed);
        return Answered(new SurveyAnswerView(ticket.Number, action.Rating, survey.Comment, closed, AlreadyAnswered: false), context);
    }

    private static CardActionOutcome Answered(SurveyAnswerView view, TurnContext context) =>
        new CardActionOutcome.RefreshedCard(SurveyAnswerCard.Render(view, context.Cards));

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey of {Ticket} answered by someone else ({Person}): refused")]
    private partial void LogRefused(string ticket, string person);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey of {Ticket} answered: {Rating}; ticket closed: {Closed}")]
    private partial void LogAnswered(string ticket, int rating, bool closed);
}
