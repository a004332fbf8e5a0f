using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Health;

namespace ServiceDesk.Bot.People;

/// <summary>
/// The outcome of the latest Graph lookup, for /healthz?detail=true. Not essential: the desk works without
/// profiles, but an operator should see that Graph rejects the secret or is throttling.
/// </summary>
internal sealed class GraphDirectoryHealth(IOptions<GraphOptions> options) : IHealthProbe
{
    // Replaced whole, so that a reader never sees the time of one failure with the reason of another.
    private volatile State _state = new(Failing: false, LastSuccess: null, LastFailure: null, LastError: null);
    private readonly Lock _gate = new();

    public string Name => "graph";
    public bool Essential => false;

    public void Succeeded(DateTimeOffset at)
    {
        lock (_gate) _state = _state with { Failing = false, LastSuccess = at };
    }

    public void Failed(DateTimeOffset at, string reason)
    {
        lock (_gate) _state = _state with { Failing = true, LastFailure = at, LastError = reason };
    }

    public Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        if (!options.Value.IsConfigured)
            return Task.FromResult(new HealthReport(true, "not configured: requester profiles come from the chat only"));

        var state = _state;
        var lastError = state.LastFailure is { } failedAt ? $"last error at {failedAt:O}: {state.LastError}" : null;
        if (state.Failing)
            return Task.FromResult(new HealthReport(false, lastError!));
        var ok = state.LastSuccess is { } at ? $"ok, last lookup at {at:O}" : "ok, no lookup yet";
        // The last error stays visible after a recovery: an intermittent fault is still worth a look.
        return Task.FromResult(new HealthReport(true, lastError is null ? ok : $"{ok}; {lastError}"));
    }

    private sealed record State(bool Failing, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError);
}
