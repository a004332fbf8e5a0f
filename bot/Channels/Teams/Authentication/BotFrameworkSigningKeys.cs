using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ServiceDesk.Bot.Channels.Teams.Authentication;

/// <param name="Endorsements">The channels this key may sign for (protocol.md §2 step 7); empty when the key names none.</param>
public sealed record BotFrameworkSigningKey(SecurityKey Key, IReadOnlySet<string> Endorsements);

/// <summary>
/// The Bot Framework signing keys, from the OpenID metadata's <c>jwks_uri</c>. Standard OIDC parsing
/// drops each key's <c>endorsements</c>, so the keys document is read here as well. Keys are kept
/// for <see cref="BotFrameworkOptions.SigningKeysRefreshInterval"/>, and fetched again early when a token
/// names an unknown key id (keys rotate), at most once per <see cref="BotFrameworkOptions.SigningKeysRefreshThrottle"/>
/// so that forged key ids cannot make us hammer the metadata endpoint.
/// </summary>
public sealed partial class BotFrameworkSigningKeys(
    IHttpClientFactory httpClientFactory,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkSigningKeys> logger)
{
    public const string HttpClientName = "BotFramework.OpenIdMetadata";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    // One reference for keys and their age, so that readers outside the lock see a consistent pair.
    private Snapshot? _current;
    private DateTimeOffset? _lastUnknownKeyRefresh;
    private DateTimeOffset? _lastFailure;

    /// <summary>Number of completed fetches; lets tests see caching and throttling.</summary>
    internal int FetchCount { get; private set; }

    /// <summary>The key with this id, or null when neither the cached nor (throttled) fresh keys have it.</summary>
    /// <exception cref="SigningKeysUnavailableException">No keys were ever fetched and the metadata cannot be read now.</exception>
    public async Task<BotFrameworkSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = await CurrentAsync(cancellationToken);
        if (keys.TryGetValue(keyId, out var key))
            return key;

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed while we waited.
            if (_current!.Keys.TryGetValue(keyId, out key))
                return key;
            var now = time.GetUtcNow();
            if (_lastUnknownKeyRefresh is { } last && now - last < options.Value.SigningKeysRefreshThrottle)
                return null;
            _lastUnknownKeyRefresh = now;
            LogUnknownKeyRefresh(keyId);
            await TryRefreshAsync(cancellationToken);
            return _current!.Keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, BotFrameworkSigningKey>> CurrentAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_current))
            return _current!.Keys;

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh(_current))
                return _current!.Keys;
            if (_current is null && _lastFailure is { } failed && time.GetUtcNow() - failed < RetryAfterFailure)
                throw new SigningKeysUnavailableException("The Bot Framework signing keys could not be fetched a moment ago.");
            await TryRefreshAsync(cancellationToken);
            return _current?.Keys ?? throw new SigningKeysUnavailableException("The Bot Framework signing keys could not be fetched.");
        }
        finally
        {
            _fetching.Release();
        }
    }

    // Called under _fetching. A failed refresh keeps the keys we have: an outage of the metadata
    // endpoint must not lock every channel out.
    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            _current = new Snapshot(await FetchAsync(cancellationToken), time.GetUtcNow());
            _lastFailure = null;
            FetchCount++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _lastFailure = time.GetUtcNow();
            if (_current is not null)
                _current = _current with { FetchedAt = time.GetUtcNow() - options.Value.SigningKeysRefreshInterval + RetryAfterFailure };
            LogFetchFailed(ex, options.Value.OpenIdMetadataUrl);
        }
    }

    private bool IsFresh(Snapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.FetchedAt < options.Value.SigningKeysRefreshInterval;

    private async Task<IReadOnlyDictionary<string, BotFrameworkSigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = true };
        var metadata = OpenIdConnectConfiguration.Create(
            await retriever.GetDocumentAsync(options.Value.OpenIdMetadataUrl, cancellationToken));
        if (string.IsNullOrWhiteSpace(metadata.JwksUri))
            throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");

        var keysDocument = await retriever.GetDocumentAsync(metadata.JwksUri, cancellationToken);
        var endorsements = ReadEndorsements(keysDocument);
        var keys = new Dictionary<string, BotFrameworkSigningKey>(StringComparer.Ordinal);
        foreach (var key in new JsonWebKeySet(keysDocument).Keys)
        {
            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA || key.Use is not (null or "sig"))
                continue;
            keys[key.Kid] = new BotFrameworkSigningKey(key, endorsements.GetValueOrDefault(key.Kid) ?? new HashSet<string>());
        }
        LogFetched(keys.Count, metadata.JwksUri);
        return keys;
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string keysDocument)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(keysDocument);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            return result;
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array)
                continue;
            result[kid.GetString()!] = list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToHashSet(StringComparer.Ordinal);
        }
        return result;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, BotFrameworkSigningKey> Keys, DateTimeOffset FetchedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} Bot Framework signing keys from {JwksUri}")]
    private partial void LogFetched(int count, string jwksUri);

    [LoggerMessage(Level = LogLevel.Information, Message = "A token names unknown signing key {KeyId}; fetching the keys again")]
    private partial void LogUnknownKeyRefresh(string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fetch the Bot Framework signing keys from {MetadataUrl}")]
    private partial void LogFetchFailed(Exception exception, string metadataUrl);
}

public sealed class SigningKeysUnavailableException(string message) : Exception(message);
