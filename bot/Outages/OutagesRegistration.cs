using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Bot.AgentDesk.Commands;
using ServiceDesk.Bot.Outages.Actions;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Outages;

public static class OutagesRegistration
{
    /// <summary>
    /// Outage and security notices: the desk that declares, publishes, updates and ends them, the
    /// scheduled publication (a durable Quartz trigger), the per-recipient delivery record (an outbox
    /// outcome observer), the card verbs and the coordinators' channel command. Needs AddDeskJobs,
    /// AddOutbox, AddTickets and AddAgentDesk.
    /// </summary>
    public static IServiceCollection AddOutages(this IServiceCollection services)
    {
        services.TryAddScoped<OutageDesk>();
        services.TryAddScoped<OutageAudiences>();
        services.TryAddScoped<OutageNotices>();
        services.TryAddScoped<OutageAffectedPeople>();
        services.TryAddSingleton<IOutageScheduler, QuartzOutageScheduler>();
        services.TryAddSingleton<OutagePublisher>();
        services.TryAddTransient<OutagePublishJob>();
        services.AddScoped<IOutboxOutcomeObserver, OutageDeliveryRecorder>();

        services.AddCardActionHandler<DeclareOutage, DeclareOutageHandler>();
        services.AddCardActionHandler<UpdateOutage, UpdateOutageHandler>();
        services.AddCardActionHandler<EndOutage, EndOutageHandler>();
        services.AddCardActionHandler<ImAffected, ImAffectedHandler>();
        services.AddCardActionHandler<RefreshOutage, RefreshOutageHandler>();

        services.AddScoped<IChannelCommand, OutageCommand>();
        return services;
    }
}
