using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Bursts;

public static class BurstRegistration
{
    /// <summary>Burst detection after each registration and the coordinators' two verbs. Needs AddTickets and AddAgentDesk.</summary>
    public static IServiceCollection AddBursts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BurstOptions>().Bind(configuration.GetSection(BurstOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BurstOptions>, BurstOptionsValidator>());
        services.TryAddSingleton<BurstGate>();
        services.TryAddScoped<BurstCards>();
        services.TryAddScoped<BurstWatch>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITicketChangeObserver, BurstDetection>());
        services.AddCardActionHandler<DeclareBurst, DeclareBurstHandler>();
        services.AddCardActionHandler<DismissBurst, DismissBurstHandler>();
        return services;
    }
}
