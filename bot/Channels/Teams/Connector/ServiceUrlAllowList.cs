using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// The service URLs that may receive the bot's token (design.md §6): Microsoft's Teams endpoints and
/// those learned from authenticated requests. Conversation references loaded from storage were
/// stored from authenticated requests and are trusted again through <see cref="Trust"/>.
/// In development mode (no App ID, no token) only this machine is trusted: the Agents Playground
/// and the Emulator listen on loopback, and nothing else can be told to receive the bot's messages.
/// </summary>
public sealed class ServiceUrlAllowList
{
    private readonly bool _developmentMode;

    public ServiceUrlAllowList()
    {
    }

    public ServiceUrlAllowList(IOptions<BotFrameworkOptions> options) => _developmentMode = options.Value.IsDevelopmentMode;

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
        if (_developmentMode)
            return uri.Scheme is "http" or "https" && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && TeamsHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
            return true;
        return _learned.ContainsKey(Origin(serviceUrl)!);
    }

    // Teams varies the path per region and tenant (…/amer/<tenant>/): the token goes to a host, so trust is per origin.
    private static string? Origin(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
