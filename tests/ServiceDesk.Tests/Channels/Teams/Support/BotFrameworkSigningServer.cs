using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>
/// Stands in for login.botframework.com over HTTPS: OpenID metadata and a keys document whose keys
/// carry endorsements, with keys generated here, and mints tokens signed by them.
/// </summary>
internal sealed class BotFrameworkSigningServer : IAsyncDisposable
{
    public const string AppId = "6f1c2b9e-0d4a-4f7e-9c1a-2b3c4d5e6f70";
    public const string Issuer = "https://api.botframework.com";
    public const string MetadataPath = "v1/.well-known/openidconfiguration";

    private readonly Lock _gate = new();
    private readonly List<SigningKey> _published = [];
    private LoopbackServer? _server;
    private int _keysFetches;

    public sealed record SigningKey(string Kid, RSA Rsa, string[]? Endorsements);

    public Uri MetadataUrl => new(_server!.BaseAddress, MetadataPath);
    public int KeysFetches => Volatile.Read(ref _keysFetches);

    /// <summary>The published key endorsed for msteams (and the Emulator's channels).</summary>
    public SigningKey TeamsKey { get; private set; } = null!;
    /// <summary>A published key endorsed only for another channel.</summary>
    public SigningKey WebChatOnlyKey { get; private set; } = null!;

    public static async Task<BotFrameworkSigningServer> StartAsync()
    {
        var server = new BotFrameworkSigningServer
        {
            TeamsKey = NewKey(["msteams", "emulator"]),
            WebChatOnlyKey = NewKey(["webchat"]),
        };
        server.Publish(server.TeamsKey, server.WebChatOnlyKey);
        server._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/" + MetadataPath, (HttpContext context) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(server._server!.BaseAddress, "v1/.well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            }));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref server._keysFetches);
                return Results.Text(server.KeysDocument(), "application/json");
            });
        }, https: true);
        return server;
    }

    public static SigningKey NewKey(string[]? endorsements) => new(Guid.NewGuid().ToString("N"), RSA.Create(2048), endorsements);

    /// <summary>Replaces the published keys (a rotation).</summary>
    public void Publish(params SigningKey[] keys)
    {
        lock (_gate)
        {
            _published.Clear();
            _published.AddRange(keys);
        }
    }

    public string Token(string serviceUrl, SigningKey? key = null, string? audience = AppId, string issuer = Issuer,
        DateTime? expires = null, string algorithm = SecurityAlgorithms.RsaSha256, bool withServiceUrl = true)
    {
        key ??= TeamsKey;
        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        var claims = new Dictionary<string, object>();
        if (withServiceUrl)
            claims["serviceurl"] = serviceUrl;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-60),
            NotBefore = exp.AddMinutes(-60),
            Expires = exp,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.Kid }, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) naming the genuine key, otherwise perfect.</summary>
    public string UnsignedToken(string serviceUrl)
    {
        static string Segment(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Segment(new { alg = "none", typ = "JWT", kid = TeamsKey.Kid }) + "."
             + Segment(new Dictionary<string, object> { ["iss"] = Issuer, ["aud"] = AppId, ["nbf"] = now - 60, ["exp"] = now + 1800, ["serviceurl"] = serviceUrl })
             + ".";
    }

    private string KeysDocument()
    {
        var keys = new JsonArray();
        lock (_gate)
        {
            foreach (var key in _published)
            {
                var parameters = key.Rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.Kid,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                if (key.Endorsements is not null)
                    jwk["endorsements"] = new JsonArray(key.Endorsements.Select(e => (JsonNode)e).ToArray());
                keys.Add(jwk);
            }
        }
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
