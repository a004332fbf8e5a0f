using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServiceDesk.Bot.Channels.Teams.Authentication;

public enum TokenVerdict
{
    Accepted,
    /// <summary>No token, or one that is not a valid Bot Framework token: 401.</summary>
    Unauthenticated,
    /// <summary>A genuine token that does not entitle this request (audience, endorsement, serviceUrl): 403.</summary>
    Forbidden,
}

public sealed record TokenCheck(TokenVerdict Verdict, string Reason, JsonWebToken? Token = null, BotFrameworkSigningKey? SigningKey = null)
{
    public bool IsAccepted => Verdict == TokenVerdict.Accepted;
}

/// <summary>
/// The eight checks of protocol.md §2 on a channel → bot request. The token is checked in two steps
/// because endorsements and the serviceUrl claim are compared with the activity, which is only
/// parsed once the token has proven genuine.
/// </summary>
public sealed partial class BotFrameworkTokenValidator(
    BotFrameworkSigningKeys signingKeys,
    IOptions<BotFrameworkOptions> options,
    ILogger<BotFrameworkTokenValidator> logger)
{
    public const string Issuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Steps 1–6: bearer scheme, metadata, signature and algorithm, issuer, lifetime, audience.</summary>
    public async Task<TokenCheck> ValidateTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return Unauthenticated("no bearer token");
        var raw = authorizationHeader[scheme.Length..].Trim();
        if (raw.Length == 0)
            return Unauthenticated("empty bearer token");

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return Unauthenticated("the token is not a JWT");
        }
        if (!Algorithms.Contains(unverified.Alg, StringComparer.Ordinal))
            return Unauthenticated($"algorithm '{unverified.Alg}' is not allowed");
        if (string.IsNullOrEmpty(unverified.Kid))
            return Unauthenticated("the token names no signing key");

        var key = await signingKeys.FindAsync(unverified.Kid, cancellationToken);
        if (key is null)
            return Unauthenticated($"unknown signing key '{unverified.Kid}'");

        var result = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateIssuer = true,
            // Checked below so that a genuine token for another bot is told apart (403) from a forged one.
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
            ValidateIssuerSigningKey = false,
        });
        if (!result.IsValid)
            return Unauthenticated(result.Exception?.GetType().Name ?? "invalid token");

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.Audiences.Contains(options.Value.AppId, StringComparer.Ordinal))
            return Reject(TokenVerdict.Forbidden, "the token is for another audience");
        return new TokenCheck(TokenVerdict.Accepted, "ok", token, key);
    }

    /// <summary>Steps 7–8: the signing key is endorsed for the activity's channel and the token was issued for its serviceUrl.</summary>
    public TokenCheck ValidateActivity(TokenCheck token, string channelId, string serviceUrl)
    {
        if (!token.IsAccepted)
            return token;
        // Strict: a key without endorsements endorses no channel (all Bot Framework keys carry them).
        if (!token.SigningKey!.Endorsements.Contains(channelId))
            return Reject(TokenVerdict.Forbidden, $"the signing key is not endorsed for channel '{channelId}'");
        if (!token.Token!.TryGetPayloadValue<string>("serviceurl", out var claimed) || string.IsNullOrEmpty(claimed))
            return Reject(TokenVerdict.Forbidden, "the token has no serviceurl claim");
        if (!string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return Reject(TokenVerdict.Forbidden, "the serviceurl claim does not match the activity");
        return token;
    }

    private TokenCheck Unauthenticated(string reason) => Reject(TokenVerdict.Unauthenticated, reason);

    private TokenCheck Reject(TokenVerdict verdict, string reason)
    {
        LogRejected(verdict, reason);
        return new TokenCheck(verdict, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Bot Framework request ({Verdict}): {Reason}")]
    private partial void LogRejected(TokenVerdict verdict, string reason);
}
