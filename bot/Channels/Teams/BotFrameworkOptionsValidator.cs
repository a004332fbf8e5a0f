using ServiceDesk.Bot.Channels.Teams.Connector;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.Teams;

internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    private const string Prefix = BotFrameworkOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var failures = new List<string>();

        if (!options.IsDevelopmentMode && string.IsNullOrWhiteSpace(options.AppPassword))
            failures.Add($"{Prefix}AppPassword is required when {Prefix}AppId is set.");

        // Signing keys decide who may talk to the bot: they are fetched over HTTPS only.
        if (!IsAbsoluteHttps(options.OpenIdMetadataUrl))
            failures.Add($"{Prefix}OpenIdMetadataUrl must be an absolute https URL (got '{options.OpenIdMetadataUrl}').");

        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint))
        {
            if (!IsAbsoluteHttps(options.TokenEndpoint))
                failures.Add($"{Prefix}TokenEndpoint must be an absolute https URL (got '{options.TokenEndpoint}').");
            else if (TokenEndpointAddress.TryParse(options.TokenEndpoint, out _) is false)
                failures.Add($"{Prefix}TokenEndpoint must look like https://<host>/<tenant>/oauth2/v2.0/token (got '{options.TokenEndpoint}').");
        }

        if (options.MaxActivityBytes is < 1024 or > 16 * 1024 * 1024)
            failures.Add($"{Prefix}MaxActivityBytes must be between 1024 and 16777216 (got {options.MaxActivityBytes}).");
        if (options.SigningKeysRefreshInterval <= TimeSpan.Zero)
            failures.Add($"{Prefix}SigningKeysRefreshInterval must be positive.");
        if (options.SigningKeysRefreshThrottle < TimeSpan.Zero)
            failures.Add($"{Prefix}SigningKeysRefreshThrottle must not be negative.");

        var connector = options.Connector;
        if (connector.MaxRetryAttempts is < 0 or > 10)
            failures.Add($"{Prefix}Connector:MaxRetryAttempts must be between 0 and 10 (got {connector.MaxRetryAttempts}).");
        if (connector.RetryBaseDelay < TimeSpan.Zero)
            failures.Add($"{Prefix}Connector:RetryBaseDelay must not be negative.");
        if (connector.MaxRetryAfter < TimeSpan.Zero)
            failures.Add($"{Prefix}Connector:MaxRetryAfter must not be negative.");
        if (connector.AttemptTimeout <= TimeSpan.Zero)
            failures.Add($"{Prefix}Connector:AttemptTimeout must be positive.");
        foreach (var (key, value) in new[] { ("ConversationLimits", connector.ConversationLimits), ("TenantLimits", connector.TenantLimits) })
        {
            try
            {
                RateWindow.ParseList(value);
            }
            catch (FormatException e)
            {
                failures.Add($"{Prefix}Connector:{key} must be permits/window pairs like 7/00:00:01, comma separated: {e.Message}");
            }
        }
        if (connector.RateLimitMargin < TimeSpan.Zero || connector.RateLimitMargin > TimeSpan.FromSeconds(1))
            failures.Add($"{Prefix}Connector:RateLimitMargin must be between 00:00:00 and 00:00:01 (got '{connector.RateLimitMargin}').");
        if (connector.TenantThrottleThreshold is < 1 or > 1000)
            failures.Add($"{Prefix}Connector:TenantThrottleThreshold must be between 1 and 1000 (got {connector.TenantThrottleThreshold}).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttps(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
