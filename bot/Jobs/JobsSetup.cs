using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using ServiceDesk.Bot.Health;
using ServiceDesk.Bot.Jobs.Sla;
using ServiceDesk.Bot.Jobs.Surveys;
using ServiceDesk.Storage;

namespace ServiceDesk.Bot.Jobs;

public static class JobsSetup
{
    /// <summary>The scheduler's name: every instance sharing a database must use the same one to form a cluster.</summary>
    public const string SchedulerName = "ServiceDesk";

    /// <summary>
    /// For a firing whose job failed (the database away for a while): tried again for about an
    /// hour and a half before the one-shot trigger completes; the jobs are idempotent, so a retry is safe.
    /// </summary>
    internal static readonly RetryPolicy RetryOnFailure = RetryPolicy.Exponential(8, TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(30));

    /// <summary>
    /// Quartz with its persistent store in the desk's own database (tables <c>qrtz_*</c>, created by
    /// Quartz when missing), clustered on PostgreSQL; the SLA watch and the survey jobs. Call after
    /// <c>AddDeskDatabase</c>: the scheduler reads its database from there, and its hosted service
    /// must start after the one that migrates that database. The notices go through the ticket
    /// cards and the outbox (<c>AddTickets</c>, <c>AddOutbox</c>).
    /// </summary>
    public static IServiceCollection AddDeskJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = services.LastOrDefault(d => d.ServiceType == typeof(StorageOptions))?.ImplementationInstance as StorageOptions
            ?? throw new InvalidOperationException("AddDeskJobs needs AddDeskDatabase first: the scheduler keeps its jobs in the desk's database.");

        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();
        services.AddOptions<SurveyClosingOptions>().Bind(configuration.GetSection(SurveyClosingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyClosingOptions>, SurveyClosingOptionsValidator>();
        services.AddOptions<SlaEscalationOptions>().Bind(configuration.GetSection(SlaEscalationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlaEscalationOptions>, SlaEscalationOptionsValidator>();
        // Read here as well, because the trigger and store settings are fixed when Quartz is configured;
        // an invalid value is reported by the validator above before the host starts.
        var settings = new SchedulerOptions();
        try
        {
            var configured = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>();
            if (configured is not null && new SchedulerOptionsValidator().Validate(null, configured).Succeeded) settings = configured;
        }
        catch (InvalidOperationException)
        {
            // Unreadable: binding the options at start reports it.
        }

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                switch (storage.Provider)
                {
                    case StorageProvider.Sqlite:
                        store.UseSqlite(SqliteFactory.Instance, storage.ConnectionString);
                        break;
                    case StorageProvider.Postgres:
                        store.UsePostgres(NpgsqlFactory.Instance, storage.ConnectionString);
                        // Every instance on the database takes part; each trigger fires on one of them.
                        store.UseClustering();
                        break;
                }
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "qrtz_";
                    o.MisfireThreshold = settings.MisfireThreshold;
                });
                // Beside the EF tables, which EF's migrations never touch; Quartz only ever creates, never alters.
                store.ProvisionSchema();
            });
            quartz.AddJob<SlaWatchJob>(job => job.WithIdentity(SlaWatchJob.Key).StoreDurably().RequestRecovery());
            quartz.AddJob<SurveyJob>(job => job.WithIdentity(SurveyJob.Key).StoreDurably().RequestRecovery());
            quartz.AddJob<SurveyAutoCloseJob>(job => job.WithIdentity(SurveyAutoCloseJob.Key).StoreDurably().RequestRecovery());
            quartz.ScheduleJob<SlaSweepJob>(
                trigger => trigger.WithIdentity(SlaSweepJob.TriggerKey).StartNow().WithSchedule(SimpleScheduleBuilder.Create()
                    .WithInterval(settings.SlaSweepInterval).RepeatForever()
                    // After a stop, one sweep at once catches up; the missed ones are not replayed.
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
                job => job.WithIdentity(SlaSweepJob.Key).StoreDurably());
        });
        // Registered after AddDeskDatabase's DatabaseStartup, so it starts once the database is migrated.
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.AddSingleton<SlaWatch>();
        services.AddSingleton<QuartzSlaWatchScheduler>();
        services.AddSingleton<ISlaWatchScheduler>(sp => sp.GetRequiredService<QuartzSlaWatchScheduler>());
        services.AddScoped<SlaEscalationPath>();
        services.AddScoped<ISlaNotifier, CardSlaNotifier>();
        services.AddSingleton<ISurveyScheduler, QuartzSurveyScheduler>();
        services.AddSingleton<SurveyDelivery>();
        services.AddSingleton<SurveyAutoCloser>();
        services.AddSingleton<SurveyAnswers>();
        services.AddSingleton<IHealthProbe, SchedulerHealthProbe>();
        return services;
    }
}
