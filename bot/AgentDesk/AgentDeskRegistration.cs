using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Bot.AgentDesk.Actions;
using ServiceDesk.Bot.AgentDesk.Commands;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.AgentDesk;

public static class AgentDeskRegistration
{
    /// <summary>The agents', requesters' and auditors' ticket verbs (one handler each), problems, triage channels and the channel commands. Needs AddTickets.</summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.TryAddScoped<DeskAuthorization>();
        services.TryAddScoped<TicketDesk>();
        services.TryAddScoped<ProblemCards>();
        services.TryAddScoped<TriageChannels>();
        services.TryAddScoped<RequesterReplies>();

        services.AddCardActionHandler<ClaimTicket, ClaimTicketHandler>();
        services.AddCardActionHandler<StartWork, StartWorkHandler>();
        services.AddCardActionHandler<CategorizeTicket, CategorizeTicketHandler>();
        services.AddCardActionHandler<AssignTicket, AssignTicketHandler>();
        services.AddCardActionHandler<CommentOnTicket, CommentOnTicketHandler>();
        services.AddCardActionHandler<AskRequester, AskRequesterHandler>();
        services.AddCardActionHandler<PutOnHold, PutOnHoldHandler>();
        services.AddCardActionHandler<ResumeTicket, ResumeTicketHandler>();
        services.AddCardActionHandler<ResolveTicket, ResolveTicketHandler>();
        services.AddCardActionHandler<EscalateTicket, EscalateTicketHandler>();
        services.AddCardActionHandler<DeclareMajor, DeclareMajorHandler>();
        services.AddCardActionHandler<OpenProblem, OpenProblemHandler>();
        services.AddCardActionHandler<LinkProblem, LinkProblemHandler>();
        services.AddCardActionHandler<ResolveProblem, ResolveProblemHandler>();
        services.AddCardActionHandler<CallCoordinator, CallCoordinatorHandler>();
        services.AddCardActionHandler<ApproveClosure, ApproveClosureHandler>();
        services.AddCardActionHandler<RejectClosure, RejectClosureHandler>();
        services.AddCardActionHandler<ReplyOnTicket, ReplyOnTicketHandler>();
        services.AddCardActionHandler<ConfirmFix, ConfirmFixHandler>();
        services.AddCardActionHandler<ReopenTicket, ReopenTicketHandler>();
        services.AddCardActionHandler<CancelTicket, CancelTicketHandler>();
        services.AddCardActionHandler<RefreshTicket, RefreshTicketHandler>();
        services.AddCardActionHandler<RegisterTriageChannel, RegisterTriageChannelHandler>();
        services.AddCardActionHandler<AnswerSurvey, ServiceDesk.Bot.Jobs.Surveys.AnswerSurveyHandler>();

        services.AddScoped<IChannelCommand, UseChannelCommand>();
        services.AddScoped<IChannelCommand, QueueCommand>();
        return services;
    }
}
