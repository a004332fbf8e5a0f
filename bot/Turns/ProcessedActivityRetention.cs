using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Bot.Turns;

/// <summary>
/// Forgets processed activities after a week: channels redeliver within minutes, so the records only
/// need to outlive the retries, and the table would otherwise grow with every message.
/// </summary>
internal sealed partial class ProcessedActivityRetention(IServiceScopeFactory scopes, TimeProvider time, ILogger<ProcessedActivityRetention> logger)
    : BackgroundService
{
    internal static readonly TimeSpan Keep = TimeSpan.FromDays(7);
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var forgotten = await scope.ServiceProvider.GetRequiredService<IProcessedActivities>()
                    .ForgetBeforeAsync(time.GetUtcNow() - Keep, stoppingToken);
                if (forgotten > 0) LogForgotten(forgotten);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false) is true);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forgot {Count} processed activities older than a week")]
    private partial void LogForgotten(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forget old processed activities ({Type}: {Reason}); trying again in an hour")]
    private partial void LogFailed(string type, string reason);
}
