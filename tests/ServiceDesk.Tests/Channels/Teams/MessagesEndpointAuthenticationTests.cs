using System.Net;
using Microsoft.IdentityModel.Tokens;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

/// <summary>protocol.md §2: only a genuine token, for this bot, this channel and this serviceUrl, gets a turn handled.</summary>
public sealed class MessagesEndpointAuthenticationTests : IAsyncLifetime
{
    private BotFrameworkSigningServer _signing = null!;
    private FakeBotConnector _connector = null!;
    private TeamsBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _signing = await BotFrameworkSigningServer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _bot = await TeamsBotHost.StartAsync(_signing);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _signing.DisposeAsync();
    }

    public enum Case
    {
        Valid,
        NoHeader,
        NotBearer,
        AnotherKeyUnknownKid,
        AnotherKeyKnownKid,
        WrongAudience,
        WrongIssuer,
        ExpiredBeyondSkew,
        NotEndorsedForTeams,
        ServiceUrlClaimDiffers,
        NoServiceUrlClaim,
        AlgNone,
        HmacSigned,
        Garbage,
    }

    [Theory]
    [InlineData(Case.Valid, HttpStatusCode.OK, "")]
    [InlineData(Case.NoHeader, HttpStatusCode.Unauthorized, "without a bearer token")]
    [InlineData(Case.NotBearer, HttpStatusCode.Unauthorized, "without a bearer token")]
    [InlineData(Case.AnotherKeyUnknownKid, HttpStatusCode.Unauthorized, "unknown signing key")]
    [InlineData(Case.AnotherKeyKnownKid, HttpStatusCode.Unauthorized, "InvalidSignature")]
    [InlineData(Case.WrongAudience, HttpStatusCode.Forbidden, "another audience")]
    [InlineData(Case.WrongIssuer, HttpStatusCode.Unauthorized, "InvalidIssuer")]
    [InlineData(Case.ExpiredBeyondSkew, HttpStatusCode.Unauthorized, "Expired")]
    [InlineData(Case.NotEndorsedForTeams, HttpStatusCode.Forbidden, "not endorsed for channel 'msteams'")]
    [InlineData(Case.ServiceUrlClaimDiffers, HttpStatusCode.Forbidden, "serviceurl claim does not match")]
    [InlineData(Case.NoServiceUrlClaim, HttpStatusCode.Forbidden, "no serviceurl claim")]
    [InlineData(Case.AlgNone, HttpStatusCode.Unauthorized, "algorithm 'none'")]
    [InlineData(Case.HmacSigned, HttpStatusCode.Unauthorized, "algorithm 'HS256'")]
    [InlineData(Case.Garbage, HttpStatusCode.Unauthorized, "not a JWT")]
    public async Task Only_the_valid_token_is_accepted_and_only_it_produces_a_reply(Case @case, HttpStatusCode expected, string reason)
    {
        var serviceUrl = _connector.ServiceUrl;
        var activity = TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl);
        var (scheme, token) = @case switch
        {
            Case.Valid => ("Bearer", _signing.Token(serviceUrl)),
            Case.NoHeader => ("Bearer", null),
            Case.NotBearer => ("Basic", "dXNlcjpwYXNz"),
            Case.AnotherKeyUnknownKid => ("Bearer", _signing.Token(serviceUrl, BotFrameworkSigningServer.NewKey(["msteams"]))),
            Case.AnotherKeyKnownKid => ("Bearer", _signing.Token(serviceUrl,
                BotFrameworkSigningServer.NewKey(["msteams"]) with { Kid = _signing.TeamsKey.Kid })),
            Case.WrongAudience => ("Bearer", _signing.Token(serviceUrl, audience: "another-bot-app-id")),
            Case.WrongIssuer => ("Bearer", _signing.Token(serviceUrl, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")),
            Case.ExpiredBeyondSkew => ("Bearer", _signing.Token(serviceUrl, expires: DateTime.UtcNow.AddMinutes(-6))),
            Case.NotEndorsedForTeams => ("Bearer", _signing.Token(serviceUrl, _signing.WebChatOnlyKey)),
            Case.ServiceUrlClaimDiffers => ("Bearer", _signing.Token("https://smba.trafficmanager.net/amer/")),
            Case.NoServiceUrlClaim => ("Bearer", _signing.Token(serviceUrl, withServiceUrl: false)),
            Case.AlgNone => ("Bearer", _signing.UnsignedToken(serviceUrl)),
            Case.HmacSigned => ("Bearer", HmacToken(serviceUrl)),
            Case.Garbage => ("Bearer", "not-a-jwt"),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var response = await _bot.PostAsync(activity, token, scheme);

        Assert.Equal(expected, response.StatusCode);
        var accepted = expected == HttpStatusCode.OK;
        Assert.Equal(accepted ? 1 : 0, _bot.Handler.Turns.Count);
        var replies = _connector.Requests;
        Assert.Equal(accepted ? 1 : 0, replies.Count);
        var rejections = _bot.Logs.Entries.Where(e => e.Message.Contains("Rejected a Bot Framework request")).ToList();
        if (!accepted)
            Assert.Contains(rejections, e => e.Message.Contains(reason, StringComparison.Ordinal));
        if (accepted)
        {
            Assert.Empty(rejections);
            Assert.Equal("Bearer " + FakeBotConnector.Token, replies[0].Authorization);
            Assert.Equal("echo: Hello Teams TestBot", replies[0].Json.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        var serviceUrl = _connector.ServiceUrl;
        var response = await _bot.PostAsync(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl),
            _signing.Token(serviceUrl, expires: DateTime.UtcNow.AddMinutes(-4)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task RS384_and_RS512_are_allowed(string algorithm)
    {
        var serviceUrl = _connector.ServiceUrl;
        var response = await _bot.PostAsync(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl),
            _signing.Token(serviceUrl, algorithm: algorithm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_serviceUrl_claim_is_compared_case_insensitively()
    {
        var serviceUrl = _connector.ServiceUrl;
        var response = await _bot.PostAsync(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl),
            _signing.Token(serviceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_key_endorsed_for_another_channel_may_sign_for_that_channel()
    {
        var serviceUrl = _connector.ServiceUrl;
        _bot.Handler.Reply = false;
        var activity = System.Text.Json.Nodes.JsonNode.Parse(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), serviceUrl))!;
        activity["channelId"] = "webchat";

        var response = await _bot.PostAsync(activity.ToJsonString(), _signing.Token(serviceUrl, _signing.WebChatOnlyKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unauthenticated_request_is_rejected_before_its_body_is_read()
    {
        var response = await _bot.PostAsync("{ this is not json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_request_does_not_make_its_serviceUrl_trusted()
    {
        var forged = "http://attacker.invalid/";
        await _bot.PostAsync(TeamsBotHost.WithServiceUrl(OracleActivities.Read("message_personal_chat"), forged), _signing.UnsignedToken(forged));

        var allowList = (ServiceDesk.Bot.Channels.Teams.Connector.ServiceUrlAllowList)_bot.Services.GetService(typeof(ServiceDesk.Bot.Channels.Teams.Connector.ServiceUrlAllowList))!;
        Assert.False(allowList.IsTrusted(forged));
    }

    private static string HmacToken(string serviceUrl)
    {
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = "hmac" };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkSigningServer.Issuer,
            Audience = BotFrameworkSigningServer.AppId,
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }
}
