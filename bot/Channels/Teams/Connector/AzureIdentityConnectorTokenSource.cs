using Azure.Core;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// Client-credentials token for the Bot Connector through Azure.Identity, kept until five minutes
/// before it expires (protocol.md §3) so that sends do not each pay a token round trip.
/// </summary>
public sealed class AzureIdentityConnectorTokenSource(TokenCredential credential, TimeProvider time) : IConnectorTokenSource
{
    public const string Scope = "https://api.botframework.com/.default";
    internal static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    // A reference, so that readers outside the lock never see half of a token.
    private Cached? _token;

    public async ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var stale = _token;
        if (!forceRefresh && IsFresh(stale))
            return stale!.Token;

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // A concurrent caller may have refreshed already; a forced refresh only replaces the token it saw.
            if (IsFresh(_token) && (!forceRefresh || !ReferenceEquals(_token, stale)))
                return _token!.Token;
            var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            _token = new Cached(token.Token, token.ExpiresOn);
            return token.Token;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool IsFresh(Cached? token) =>
        token is not null && time.GetUtcNow() < token.ExpiresOn - RefreshBeforeExpiry;

    private sealed record Cached(string Token, DateTimeOffset ExpiresOn);
}
