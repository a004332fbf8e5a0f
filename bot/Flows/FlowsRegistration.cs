using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Bot.Flows.Deflection;
using ServiceDesk.Bot.Flows.FollowUp;
using ServiceDesk.Bot.Flows.Intake;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Flows;

public static class FlowsRegistration
{
    /// <summary>
    /// The employees' conversations: text in personal chats, intake with deflection, "my tickets", and
    /// the classifier learning from the desk. Needs the router, the storage, AddTickets and AddAgentDesk
    /// (who may see which card of a ticket).
    /// </summary>
    public static IServiceCollection AddConversationFlows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TriageModel>();
        services.TryAddSingleton<ClassifierLearning>();
        services.AddHostedService(sp => sp.GetRequiredService<ClassifierLearning>());
        services.TryAddScoped<FlowStates>();
        services.TryAddScoped<KnownAnswers>();
        services.TryAddScoped<IntakeFlow>();
        services.TryAddScoped<RequesterTickets>();
        services.TryAddScoped<PendingQuestions>();
        services.TryAddScoped<IConversationFlows, ConversationFlows>();

        services.AddCardActionHandler<StartIntake, StartIntakeHandler>();
        services.AddCardActionHandler<SubmitIntake, SubmitIntakeHandler>();
        services.AddCardActionHandler<DeflectionSolved, DeflectionSolvedHandler>();
        services.AddCardActionHandler<ShowMyTickets, ShowMyTicketsHandler>();
        services.AddCardActionHandler<ShowTicket, ShowTicketHandler>();
        return services;
    }
}
