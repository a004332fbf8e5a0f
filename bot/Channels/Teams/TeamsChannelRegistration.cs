using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Teams.Authentication;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Bot.Channels.Teams.Delivery;
using ServiceDesk.Bot.Health;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Turns;

namespace ServiceDesk.Bot.Channels.Teams;

public static class TeamsChannelRegistration
{
    public const string TokenHttpClientName = "BotFramework.Token";

    /// <summary>Teams, and the Bot Framework Emulator, which speaks the same Connector protocol.</summary>
    public static readonly string[] OutboundChannelIds = ["msteams", "emulator"];

    /// <summary>The Bot Framework endpoint, its authentication, the outbound Connector client and the outbox sender for these channels.</summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration.GetSection(BotFrameworkOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITurnDeduplicator, InMemoryTurnDeduplicator>();

        services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<BotFrameworkSigningKeys>();
        services.TryAddSingleton<BotFrameworkTokenValidator>();
        services.TryAddSingleton<MessagesEndpoint>();
        services.AddHostedService<DevelopmentModeWarning>();

        services.TryAddSingleton<ServiceUrlAllowList>();
        services.TryAddSingleton(sp => new ConnectorRateLimits(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.Connector, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(TokenHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(CreateTokenSource);
        // Timeouts are per attempt in the retry pipeline; the client's own would cut retries short.
        // No request/response lines per message from the client factory's loggers (four at Information per
        // reply): the client logs what goes wrong itself, and delivery health counts what went right.
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();

        // Outbox delivery: the Bot Framework channels that speak the Connector protocol.
        foreach (var channelId in OutboundChannelIds)
            services.AddKeyedScoped<IOutboundChannel, TeamsOutboundChannel>(channelId);
        services.TryAddSingleton<TeamsDeliveryHealth>();
        services.AddSingleton<IHealthProbe, TeamsHealthProbe>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamsChannel(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesEndpoint.Route, (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context))
            .WithName("BotFrameworkMessages")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static IConnectorTokenSource CreateTokenSource(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (options.IsDevelopmentMode)
            return new NoConnectorToken();

        var endpoint = TokenEndpointAddress.For(options);
        var credential = new ClientSecretCredential(endpoint.Tenant, options.AppId, options.AppPassword, new ClientSecretCredentialOptions
        {
            AuthorityHost = endpoint.AuthorityHost,
            Transport = new HttpClientTransport(services.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName)),
            // Instance discovery only knows Microsoft's clouds; a configured endpoint is taken as given.
            DisableInstanceDiscovery = !string.IsNullOrWhiteSpace(options.TokenEndpoint),
        });
        return new AzureIdentityConnectorTokenSource(credential, services.GetRequiredService<TimeProvider>());
    }
}
