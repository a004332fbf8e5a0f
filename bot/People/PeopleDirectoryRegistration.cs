using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using ServiceDesk.Bot.Health;
using GraphAuthenticationProvider = Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider;

namespace ServiceDesk.Bot.People;

public static class PeopleDirectoryRegistration
{
    public const string GraphHttpClientName = "Graph";
    public const string TokenHttpClientName = "Graph.Token";

    /// <summary>Requester profiles from Microsoft Graph when <c>Graph:*</c> is configured, none otherwise.</summary>
    public static IServiceCollection AddPeopleDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(TokenHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        // Graph's middleware (retries honouring Retry-After, redirects, $-parameter decoding) in front of the primary
        // handler, which stays replaceable. Lookups carry their own timeout; the client's would cut retries short.
        services.AddHttpClient(GraphHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                    handlers.Add(handler);
            });

        services.TryAddSingleton<GraphDirectoryHealth>();
        services.AddSingleton<IHealthProbe>(sp => sp.GetRequiredService<GraphDirectoryHealth>());
        services.TryAddSingleton(CreateDirectory);
        services.AddHostedService<PeopleDirectoryAnnouncement>();
        return services;
    }

    private static IRequesterDirectory CreateDirectory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GraphOptions>>();
        if (!options.Value.IsConfigured)
            return new NoDirectory();
        return ActivatorUtilities.CreateInstance<GraphRequesterDirectory>(services, CreateAuthentication(services, options.Value));
    }

    private static IAuthenticationProvider CreateAuthentication(IServiceProvider services, GraphOptions options)
    {
        var authorityHost = options.TokenAuthorityHost;
        var credential = new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, new ClientSecretCredentialOptions
        {
            AuthorityHost = authorityHost,
            Transport = new HttpClientTransport(services.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName)),
            // Instance discovery only knows Microsoft's clouds; any other authority (a test's stand-in) is taken as given.
            DisableInstanceDiscovery = !IsMicrosoftCloud(authorityHost),
        });
        // The token goes to the configured Graph host only, never to a host a redirect or a paging link names.
        return new GraphAuthenticationProvider(credential, [options.GraphBaseUrl.Host], observabilityOptions: null, isCaeEnabled: true, options.Scope);
    }

    private static bool IsMicrosoftCloud(Uri authorityHost) =>
        new[] { AzureAuthorityHosts.AzurePublicCloud, AzureAuthorityHosts.AzureGovernment, AzureAuthorityHosts.AzureChina }
            .Any(cloud => string.Equals(cloud.Host, authorityHost.Host, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Says once at start where requester profiles come from, so a missing Graph setup is noticed without being an error.</summary>
internal sealed partial class PeopleDirectoryAnnouncement(IOptions<GraphOptions> options, ILogger<PeopleDirectoryAnnouncement> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var graph = options.Value;
        if (graph.IsConfigured)
            LogGraph(graph.GraphBaseUrl.ToString(), graph.TenantId!, graph.ClientId!);
        else
            LogNoGraph();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph not configured: requester profiles come from the chat only")]
    private partial void LogNoGraph();

    // Never the secret.
    [LoggerMessage(Level = LogLevel.Information, Message = "Requester profiles from Microsoft Graph at {BaseUrl} (tenant {TenantId}, client {ClientId})")]
    private partial void LogGraph(string baseUrl, string tenantId, string clientId);
}
