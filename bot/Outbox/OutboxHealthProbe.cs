using System.Globalization;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Health;
using ServiceDesk.Storage.Outbox;

namespace ServiceDesk.Bot.Outbox;

/// <summary>
/// The outbox backlog in /healthz?detail=true: what waits, since when, and what was given up. Not
/// essential (a channel's trouble must not take the bot out of the load balancer), but unhealthy
/// when messages wait far longer than a send takes, which is how a silently dead channel shows.
/// </summary>
internal sealed class OutboxHealthProbe(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time) : IHealthProbe
{
    internal static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    public string Name => "outbox";
    public bool Essential => false;

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var backlog = await scope.ServiceProvider.GetRequiredService<IOutboxQueue>().BacklogAsync(ct);
        var now = time.GetUtcNow();
        var oldest = backlog.OldestPendingAt is { } at ? now - at : (TimeSpan?)null;
        var parts = new List<string>
        {
            oldest is { } age ? $"{backlog.Pending} pending, oldest waiting {Format(age)}" : "nothing pending",
            $"{backlog.Failed} failed" + (backlog.LastFailureAt is { } failedAt ? $" (last enqueued {failedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})" : ""),
            $"{backlog.Unreachable} unreachable",
        };
        if (!options.Value.DispatcherEnabled) parts.Add("dispatcher disabled on this instance");
        return new HealthReport(!(oldest > StuckAfter), string.Join("; ", parts));
    }

    private static string Format(TimeSpan age) => age.ToString(age >= TimeSpan.FromDays(1) ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
