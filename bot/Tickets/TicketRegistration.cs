using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Tickets;

public static class TicketRegistration
{
    /// <summary>Ticket registration, the ticket cards and where they go. Needs the storage, the outbox and the people directory.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TicketOptions>, TicketOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<TicketAddresses>();
        services.TryAddScoped<TicketViews>();
        services.TryAddScoped<TicketSlaPolicies>();
        services.TryAddScoped<TicketFollowUps>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITicketChangeObserver, TicketSchedules>());
        services.TryAddScoped<TicketCards>();
        services.TryAddScoped<ITicketRegistrar, TicketRegistrar>();
        return services;
    }
}
