using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// Short-term retries of one Connector call: on 429, 412, 502, 503, 504, timeouts and connection
/// failures, waiting the service's Retry-After when it gives one and exponential backoff with jitter
/// otherwise. Anything longer is the outbox's business, so a Retry-After beyond
/// <see cref="ConnectorOptions.MaxRetryAfter"/> is not waited for here. The per-attempt timeout is
/// applied by the client around each request.
/// </summary>
internal static class ConnectorRetryPipeline
{
    private static readonly HashSet<HttpStatusCode> Retried =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static bool IsRetried(HttpStatusCode status) => Retried.Contains(status);

    public static ResiliencePipeline<HttpResponseMessage> Build(ConnectorOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = options.MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } response } => IsRetried(response.StatusCode)
                        && !(RetryAfter(response, time.GetUtcNow()) > options.MaxRetryAfter),
                    _ => false,
                }),
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result is not { } response || RetryAfter(response, time.GetUtcNow()) is not { } wait)
                        return ValueTask.FromResult<TimeSpan?>(null);
                    // "At least" Retry-After, spread a little so that queued senders do not all return at once.
                    return ValueTask.FromResult<TimeSpan?>(wait + wait * (Random.Shared.NextDouble() * 0.1));
                },
                OnRetry = args =>
                {
                    logger.LogInformation("Connector call attempt {Attempt} failed ({Outcome}); retrying in {Delay}",
                        args.AttemptNumber + 1,
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }

    /// <summary>The service's Retry-After, given in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
            return date <= now ? TimeSpan.Zero : date - now;
        return null;
    }
}
