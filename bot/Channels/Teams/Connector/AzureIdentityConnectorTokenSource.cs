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
    private AccessToken? _token;

    public async ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var stale = _token;
        if (!forceRefresh && IsFresh(stale))
            return stale!.Value.Token;

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // A concurrent caller may have refreshed already; a forced refresh only replaces the token it saw.
            if (IsFresh(_token) && (!forceRefresh || _token!.Value.Token != stale?.Token))
                return _token!.Value.Token;
            _token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            return _token.Value.Token;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool IsFresh(AccessToken? token) =>
        token is { } t && time.GetUtcNow() < t.ExpiresOn - RefreshBeforeExpiry;
}
