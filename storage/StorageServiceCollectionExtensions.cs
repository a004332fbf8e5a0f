using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Flows;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Storage.Bursts;
using ServiceDesk.Storage.Catalog;
using ServiceDesk.Storage.Classification;
using ServiceDesk.Storage.Conversations;
using ServiceDesk.Storage.Flows;
using ServiceDesk.Storage.Knowledge;
using ServiceDesk.Storage.Outages;
using ServiceDesk.Storage.Outbox;
using ServiceDesk.Storage.Problems;
using ServiceDesk.Storage.Roster;
using ServiceDesk.Storage.Sla;
using ServiceDesk.Storage.Sqlite;
using ServiceDesk.Storage.Surveys;
using ServiceDesk.Storage.Tickets;

namespace ServiceDesk.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The context, the repositories, the outbox and the unit of work, all scoped: one scope is one
    /// unit of work. Call <see cref="DatabaseInitializer.MigrateAsync"/> once at start.
    /// </summary>
    public static IServiceCollection AddServiceDeskStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var effective = new StorageOptions
        {
            Provider = options.Provider,
            ConnectionString = options.EffectiveConnectionString(),
            BaseDirectory = options.BaseDirectory,
        };
        services.AddSingleton(effective);
        services.AddDbContext<ServiceDeskContext>(builder => Configure(builder, effective));

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<ServiceDeskContext>());
        services.AddScoped<ITicketRepository, TicketRepository>();
        services.AddScoped<IProblemRepository, ProblemRepository>();
        services.AddScoped<ICatalogRepository, CatalogRepository>();
        services.AddScoped<IRosterRepository, RosterRepository>();
        services.AddScoped<ISurveyRepository, SurveyRepository>();
        services.AddScoped<IBurstRepository, BurstRepository>();
        services.AddScoped<ISlaRepository, SlaRepository>();
        services.AddScoped<IConversationFlowRepository, ConversationFlowRepository>();
        services.AddScoped<IClassifierExampleStore, ClassifierExampleStore>();
        services.AddScoped<OutboxRepository>();
        services.AddScoped<IOutbox>(sp => sp.GetRequiredService<OutboxRepository>());
        services.AddScoped<IOutboxStore>(sp => sp.GetRequiredService<OutboxRepository>());
        services.AddScoped<IOutboxQueue, OutboxQueue>();
        services.TryAddSingleton<IOutboxSignal, NoOutboxSignal>();
        services.AddScoped<IConversationReferenceRepository, ConversationReferenceRepository>();
        services.AddScoped<IProcessedActivities, ProcessedActivityRepository>();
        services.AddScoped<IKnowledgeBase, KnowledgeBase>();
        services.AddScoped<IOutageRepository, OutageRepository>();
        services.AddScoped<StorageHealth>();
        return services;
    }

    /// <summary>Configures a context for these options (also usable without DI, e.g. in tools and tests).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StorageOptions options)
    {
        var connectionString = options.EffectiveConnectionString();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                builder.UseSqlite(connectionString);
                builder.AddInterceptors(new SqliteConnectionSetup());
                break;
            case StorageProvider.Postgres:
                builder.UseNpgsql(connectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown storage provider.");
        }
        // Migrations are hand-written and shared by both providers, so there is no model snapshot
        // to compare with; the storage tests compare the migrated schema with the model instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }
}
