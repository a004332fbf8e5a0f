using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Health;
using ServiceDesk.Storage.Outbox;
using ServiceDesk.Storage.Sqlite;

namespace ServiceDesk.Bot.Outbox;

public static class OutboxRegistration
{
    /// <summary>The outbound API for handlers, the dispatcher and its health probe. Channels register their <see cref="IOutboundChannel"/>.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        // How durable a SQLite commit of the outbox (and of the turn that enqueued it) is: Storage:Sqlite:Synchronous.
        services.AddOptions<SqliteWriteOptions>().Bind(configuration.GetSection(SqliteWriteOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<OutboxWakeUp>();
        services.Replace(ServiceDescriptor.Singleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxWakeUp>()));
        services.TryAddScoped<IOutbound, Outbound>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<IHealthProbe, OutboxHealthProbe>();
        return services;
    }
}
