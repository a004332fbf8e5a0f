namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// Azure.Identity takes an authority host and a tenant, configuration gives a token URL
/// (<c>https://login.microsoftonline.com/&lt;tenant&gt;/oauth2/v2.0/token</c>): this converts between them.
/// </summary>
public sealed record TokenEndpointAddress(Uri AuthorityHost, string Tenant)
{
    public const string MultiTenant = "botframework.com";
    private static readonly Uri PublicCloud = new("https://login.microsoftonline.com/");

    public static TokenEndpointAddress For(BotFrameworkOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TokenEndpoint) && TryParse(options.TokenEndpoint, out var configured))
            return configured!;
        return new TokenEndpointAddress(PublicCloud, string.IsNullOrWhiteSpace(options.TenantId) ? MultiTenant : options.TenantId);
    }

    public static bool TryParse(string tokenEndpoint, out TokenEndpointAddress? address)
    {
        address = null;
        if (!Uri.TryCreate(tokenEndpoint, UriKind.Absolute, out var uri))
            return false;
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments is not [var tenant, "oauth2", "v2.0", "token"] || tenant.Length == 0)
            return false;
        address = new TokenEndpointAddress(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), Uri.UnescapeDataString(tenant));
        return true;
    }
}
