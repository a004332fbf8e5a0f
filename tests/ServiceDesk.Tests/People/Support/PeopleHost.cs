using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Health;
using ServiceDesk.Bot.People;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.People.Support;

/// <summary>A started host with only the people directory, configured as the bot would be, logs captured.</summary>
internal sealed class PeopleHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PeopleHost(IHost host, TestLogs logs)
    {
        _host = host;
        Logs = logs;
    }

    public TestLogs Logs { get; }
    public IServiceProvider Services => _host.Services;
    public IRequesterDirectory Directory => Services.GetRequiredService<IRequesterDirectory>();
    public IHealthProbe GraphProbe => Services.GetServices<IHealthProbe>().Single(p => p.Name == "graph");

    /// <param name="primaryHandler">What carries both named clients' requests; by default a handler trusting only the throwaway certificate.</param>
    public static async Task<PeopleHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? time = null,
        Func<HttpMessageHandler>? primaryHandler = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new TestLogs();
        builder.Logging.AddProvider(logs);
        if (time is not null)
            builder.Services.AddSingleton(time);

        builder.Services.AddPeopleDirectory(builder.Configuration);
        // The production clients validate certificates normally; only this test trusts the stand-in's.
        builder.Services.AddHttpClient(PeopleDirectoryRegistration.GraphHttpClientName).ConfigurePrimaryHttpMessageHandler(primaryHandler ?? TestCertificate.TrustingHandler);
        builder.Services.AddHttpClient(PeopleDirectoryRegistration.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(primaryHandler ?? TestCertificate.TrustingHandler);

        var host = builder.Build();
        await host.StartAsync();
        return new PeopleHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
