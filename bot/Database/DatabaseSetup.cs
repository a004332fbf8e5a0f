using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Catalog;
using ServiceDesk.Bot.Health;
using ServiceDesk.Storage;

namespace ServiceDesk.Bot.Database;

/// <summary>The <c>Storage</c> section; the connection string comes from <c>ConnectionStrings:ServiceDesk</c>.</summary>
public sealed class StorageSection
{
    public const string Section = "Storage";

    public string? Provider { get; set; }
}

public static class DatabaseSetup
{
    public static IServiceCollection AddDeskDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(StorageSection.Section).Get<StorageSection>() ?? new StorageSection();
        StorageOptions storage;
        string? problem = null;
        try
        {
            storage = StorageOptions.FromSettings(section.Provider, configuration.GetConnectionString("ServiceDesk"), environment.ContentRootPath);
        }
        catch (ArgumentException e)
        {
            // Reported with the other settings when the host starts, so one run lists every mistake.
            problem = e.Message.Split(" (Parameter", 2)[0];
            storage = StorageOptions.FromSettings(null, null, environment.ContentRootPath);
        }
        services.AddOptions<StorageSection>().Bind(configuration.GetSection(StorageSection.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageSection>>(new StorageSettingsValidator(problem));

        services.AddServiceDeskStorage(storage);
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        services.AddScoped<FirstStartSeeder>();
        services.AddSingleton<IHealthProbe, DatabaseHealthProbe>();
        return services;
    }

    private sealed class StorageSettingsValidator(string? problem) : IValidateOptions<StorageSection>
    {
        public ValidateOptionsResult Validate(string? name, StorageSection options) =>
            problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}

/// <summary>Migrates and seeds before the server listens, so /healthz answers 200 only on a ready database.</summary>
internal sealed class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> log) : IHostedService
{
    public bool Ready { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseInitializer.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<FirstStartSeeder>().SeedIfEmptyAsync(cancellationToken);
        if (seeded) log.LogInformation("First start: seeded the catalog, support groups, SLA policies and the business calendar.");
        Ready = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class DatabaseHealthProbe(DatabaseStartup startup, IServiceProvider services) : IHealthProbe
{
    public string Name => "database";
    public bool Essential => true;

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        if (!startup.Ready) return new HealthReport(false, "migrating");
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<StorageHealth>().CheckAsync(ct);
        return new HealthReport(report.IsReady, report.Description);
    }
}
