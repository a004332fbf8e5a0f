namespace ServiceDesk.Bot.Channels.Teams;

/// <summary>The <c>BotFramework</c> configuration section (design.md §5): the Azure Bot registration and its endpoints.</summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    /// <summary>Single-tenant registrations get their outbound token from this tenant; empty means multi-tenant (<c>botframework.com</c>).</summary>
    public string? TenantId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;
    /// <summary>Outbound client-credentials token URL; derived from <see cref="TenantId"/> when empty.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Largest accepted activity body. Teams messages stay under ~100 KB; invokes carry card inputs.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;
    /// <summary>How long fetched signing keys are used before they are fetched again.</summary>
    public TimeSpan SigningKeysRefreshInterval { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Minimum time between refreshes triggered by tokens signed with an unknown key id.</summary>
    public TimeSpan SigningKeysRefreshThrottle { get; set; } = TimeSpan.FromMinutes(5);

    public ConnectorOptions Connector { get; set; } = new();

    /// <summary>No App ID: local development, unauthenticated requests from loopback only.</summary>
    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);
}

/// <summary><c>BotFramework:Connector</c>: how the outbound Connector client retries.</summary>
public sealed class ConnectorOptions
{
    public int MaxRetryAttempts { get; set; } = 3;
    /// <summary>First backoff delay when the service gives no Retry-After; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>A longer Retry-After is not waited for here: the call fails as transient and the outbox reschedules it.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Pace calls to Teams' published limits (per conversation and per tenant) before sending. Off only
    /// where something else paces them, or against a local fake Connector (benchmarks).
    /// </summary>
    public bool LocalRateLimits { get; set; } = true;
    /// <summary>Teams' limits per conversation (protocol.md §3), as <c>permits/window</c> pairs; empty: none.</summary>
    public string ConversationLimits { get; set; } = "7/00:00:01, 8/00:00:02, 60/00:00:30";
    /// <summary>Teams' limit per tenant (50 requests per second per app), as <c>permits/window</c> pairs; empty: none.</summary>
    public string TenantLimits { get; set; } = "50/00:00:01";
    /// <summary>Added to every window: calls leave evenly paced but reach Teams a little unevenly.</summary>
    public TimeSpan RateLimitMargin { get; set; } = TimeSpan.FromMilliseconds(20);
    /// <summary>429s within a second, in one tenant, after which the whole tenant waits their Retry-After (not only each conversation).</summary>
    public int TenantThrottleThreshold { get; set; } = 10;
}
