using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.People;

/// <summary>
/// The <c>Graph</c> section (design.md §5): the app registration that reads requester profiles.
/// Optional: with no credentials the desk works from what the chat tells it.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";
    public const string DefaultAuthorityHost = "https://login.microsoftonline.com/";

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Empty means <see cref="DefaultBaseUrl"/> (design.md lists the key's default as empty).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where client-credentials tokens come from: a national cloud, or a test's stand-in.</summary>
    public string? AuthorityHost { get; set; }

    /// <summary>How long a profile is reused; departments and managers change rarely.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long "no such user" is remembered: short, a new hire may be synced any minute.</summary>
    public TimeSpan NotFoundCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound of one lookup including Graph's retries, so a slow directory never holds a ticket up.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public Uri GraphBaseUrl => new(string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl);

    public Uri TokenAuthorityHost => new(string.IsNullOrWhiteSpace(AuthorityHost) ? DefaultAuthorityHost : AuthorityHost);

    /// <summary>App-only tokens ask for the resource's <c>.default</c> scope; national clouds have their own Graph host.</summary>
    public string Scope => GraphBaseUrl.GetLeftPart(UriPartial.Authority) + "/.default";
}

internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    private const string Prefix = GraphOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();

        // Half a registration is a typo, not a choice: say which part is missing rather than silently running without Graph.
        var credentials = new[]
        {
            (Key: "TenantId", Set: !string.IsNullOrWhiteSpace(options.TenantId)),
            (Key: "ClientId", Set: !string.IsNullOrWhiteSpace(options.ClientId)),
            (Key: "ClientSecret", Set: !string.IsNullOrWhiteSpace(options.ClientSecret)),
        };
        if (credentials.Any(c => c.Set))
            foreach (var missing in credentials.Where(c => !c.Set))
                failures.Add($"{Prefix}{missing.Key} is required when any of {Prefix}TenantId, {Prefix}ClientId, {Prefix}ClientSecret is set (set all three to use Microsoft Graph, or none to run without it).");

        // The bearer token goes to this host and the secret to the authority: HTTPS only.
        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && !IsAbsoluteHttps(options.BaseUrl))
            failures.Add($"{Prefix}BaseUrl must be an absolute https URL such as '{GraphOptions.DefaultBaseUrl}' (got '{options.BaseUrl}').");
        if (!string.IsNullOrWhiteSpace(options.AuthorityHost) && !IsAbsoluteHttps(options.AuthorityHost))
            failures.Add($"{Prefix}AuthorityHost must be an absolute https URL such as '{GraphOptions.DefaultAuthorityHost}' (got '{options.AuthorityHost}').");

        if (options.CacheDuration < TimeSpan.Zero)
            failures.Add($"{Prefix}CacheDuration must not be negative (got '{options.CacheDuration}'); 00:00:00 turns the cache off.");
        if (options.NotFoundCacheDuration < TimeSpan.Zero)
            failures.Add($"{Prefix}NotFoundCacheDuration must not be negative (got '{options.NotFoundCacheDuration}').");
        if (options.LookupTimeout <= TimeSpan.Zero || options.LookupTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"{Prefix}LookupTimeout must be between 00:00:00 (exclusive) and 00:05:00 (got '{options.LookupTimeout}').");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttps(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
