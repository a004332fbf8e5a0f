namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>The bearer token the bot presents to the Connector.</summary>
public interface IConnectorTokenSource
{
    /// <summary>The token, or null to send without one (development mode, no App ID).</summary>
    /// <param name="forceRefresh">The Connector refused the cached token (401): get a new one.</param>
    ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>Development mode: the Agents Playground expects replies without a token (design.md §7).</summary>
internal sealed class NoConnectorToken : IConnectorTokenSource
{
    public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
