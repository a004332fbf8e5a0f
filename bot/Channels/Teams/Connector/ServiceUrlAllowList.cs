using System.Collections.Concurrent;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// The service URLs that may receive the bot's token (design.md §6): Microsoft's Teams endpoints and
/// those learned from authenticated requests. Conversation references loaded from storage were
/// stored from authenticated requests and are trusted again through <see cref="Trust"/>.
/// </summary>
public sealed class ServiceUrlAllowList
{
    private static readonly string[] TeamsHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    private readonly ConcurrentDictionary<string, byte> _learned = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl)
    {
        if (Origin(serviceUrl) is { } origin)
            _learned.TryAdd(origin, 0);
    }

    public bool IsTrusted(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
            return false;
        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && TeamsHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
            return true;
        return _learned.ContainsKey(Origin(serviceUrl)!);
    }

    // Teams varies the path per region and tenant (…/amer/<tenant>/): the token goes to a host, so trust is per origin.
    private static string? Origin(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
