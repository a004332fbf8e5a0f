using Azure.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ServiceDesk.Bot.People;

/// <summary>
/// Requester profiles from Microsoft Graph (protocol.md §7), app-only, cached per user. Any failure is a
/// warning and a null profile: the directory enriches tickets, it never decides whether one is registered.
/// </summary>
internal sealed partial class GraphRequesterDirectory : IRequesterDirectory, IDisposable
{
    // department and preferredLanguage are not in Graph's default property set.
    internal static readonly string[] ProfileFields = ["displayName", "department", "jobTitle", "officeLocation", "mail", "preferredLanguage"];
    internal static readonly string[] ManagerFields = ["id", "displayName", "mail"];
    private const int MaxRetries = 3;
    private const int MaxCachedUsers = 50_000;

    private readonly IHttpClientFactory _http;
    private readonly IAuthenticationProvider _authentication;
    private readonly GraphOptions _options;
    private readonly GraphDirectoryHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger<GraphRequesterDirectory> _log;
    private readonly MemoryCache _profiles;

    public GraphRequesterDirectory(IHttpClientFactory http, IAuthenticationProvider authentication, IOptions<GraphOptions> options,
        GraphDirectoryHealth health, TimeProvider time, ILogger<GraphRequesterDirectory> log)
    {
        _http = http;
        _authentication = authentication;
        _options = options.Value;
        _health = health;
        _time = time;
        _log = log;
        _profiles = new MemoryCache(new MemoryCacheOptions { Clock = new TimeProviderClock(time), SizeLimit = MaxCachedUsers });
    }

    public async Task<RequesterProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId))
            return null;
        if (_profiles.TryGetValue(aadObjectId, out Cached? cached))
            return cached!.Profile;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.LookupTimeout);
        try
        {
            var profile = await LookUpAsync(aadObjectId, timeout.Token);
            _health.Succeeded(_time.GetUtcNow());
            Remember(aadObjectId, profile, profile is null ? _options.NotFoundCacheDuration : _options.CacheDuration);
            return profile;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not cached: the next ticket asks again, so profiles come back as soon as Graph does.
            var reason = Describe(e);
            _health.Failed(_time.GetUtcNow(), reason);
            LogLookupFailed(aadObjectId, reason);
            return null;
        }
    }

    private async Task<RequesterProfile?> LookUpAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        // Per lookup, so that the factory's handler rotation (DNS changes) reaches Graph calls; lookups are rare thanks to the cache.
        // Graph's paths start with '/', so a configured trailing one would double it.
        using var graph = new GraphServiceClient(_http.CreateClient(PeopleDirectoryRegistration.GraphHttpClientName), _authentication,
            _options.GraphBaseUrl.ToString().TrimEnd('/'));
        var user = await NullIfNotFound(graph.Users[aadObjectId].GetAsync(request =>
        {
            request.QueryParameters.Select = ProfileFields;
            request.Options.Add(RetryPolicy());
        }, cancellationToken));
        if (user is null)
            return null;

        // 404 here means the user has no manager, not that something is wrong.
        var manager = await NullIfNotFound(graph.Users[aadObjectId].Manager.GetAsync(request =>
        {
            request.QueryParameters.Select = ManagerFields;
            request.Options.Add(RetryPolicy());
        }, cancellationToken));

        return new RequesterProfile(user.DisplayName, user.Department, user.JobTitle, user.OfficeLocation, user.Mail, user.PreferredLanguage,
            manager?.Id is { } managerId ? new RequesterManager(managerId, (manager as User)?.DisplayName, (manager as User)?.Mail) : null);
    }

    // Graph's retry handler honours Retry-After on 429/503/504; a wait longer than the lookup may take fails at once instead.
    private RetryHandlerOption RetryPolicy() => new() { MaxRetry = MaxRetries, RetriesTimeLimit = _options.LookupTimeout };

    private static async Task<T?> NullIfNotFound<T>(Task<T?> call) where T : class
    {
        try
        {
            return await call;
        }
        catch (ApiException e) when (e.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    private void Remember(string aadObjectId, RequesterProfile? profile, TimeSpan duration)
    {
        if (duration > TimeSpan.Zero)
            _profiles.Set(aadObjectId, new Cached(profile), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = duration, Size = 1 });
    }

    private string Describe(Exception e) => e switch
    {
        ODataError odata => $"Graph answered {odata.ResponseStatusCode} {odata.Error?.Code}: {FirstLine(odata.Error?.Message)}",
        ApiException api => $"Graph answered {api.ResponseStatusCode}",
        AggregateException { InnerExceptions: [.., ApiException last] } => $"Graph still answered {last.ResponseStatusCode} after {MaxRetries} retries",
        // The inner (MSAL) message carries the authority's AADSTS code; the outer one only names the credential.
        AuthenticationFailedException auth => $"no Graph token: {FirstLine(auth.InnerException?.Message ?? auth.Message)}",
        OperationCanceledException => $"no answer from Graph within {_options.LookupTimeout}",
        _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
    };

    // Azure.Identity appends troubleshooting links and MSAL traces over several lines.
    private static string FirstLine(string? message) => message?.Split('\n', 2)[0].Trim() ?? "";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph lookup of requester {AadObjectId} failed, going on without a profile: {Reason}")]
    private partial void LogLookupFailed(string aadObjectId, string reason);

    public void Dispose() => _profiles.Dispose();

    /// <summary>A wrapper, so that "not found" is a cache hit too.</summary>
    private sealed record Cached(RequesterProfile? Profile);

    private sealed class TimeProviderClock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
