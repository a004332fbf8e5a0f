using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Teams;
using ServiceDesk.Bot.Channels.Teams.Authentication;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

/// <summary>Keys are cached, refreshed when a token names an unknown key (rotation), and such refreshes are throttled.</summary>
public sealed class BotFrameworkSigningKeysTests : IAsyncLifetime
{
    private BotFrameworkSigningServer _signing = null!;
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync() => _signing = await BotFrameworkSigningServer.StartAsync();

    public async Task DisposeAsync() => await _signing.DisposeAsync();

    [Fact]
    public async Task Keys_are_fetched_once_and_cached()
    {
        var keys = Keys();

        for (var i = 0; i < 5; i++)
            Assert.NotNull(await keys.FindAsync(_signing.TeamsKey.Kid, default));

        Assert.Equal(1, _signing.KeysFetches);
    }

    [Fact]
    public async Task Endorsements_are_read_from_the_keys_document()
    {
        var keys = Keys();

        Assert.Equal(["msteams", "emulator"], (await keys.FindAsync(_signing.TeamsKey.Kid, default))!.Endorsements);
        Assert.Equal(["webchat"], (await keys.FindAsync(_signing.WebChatOnlyKey.Kid, default))!.Endorsements);
    }

    [Fact]
    public async Task A_key_without_endorsements_endorses_nothing()
    {
        var bare = BotFrameworkSigningServer.NewKey(endorsements: null);
        _signing.Publish(_signing.TeamsKey, bare);

        Assert.Empty((await Keys().FindAsync(bare.Kid, default))!.Endorsements);
    }

    [Fact]
    public async Task A_rotated_key_is_found_by_refreshing_on_its_unknown_id()
    {
        var keys = Keys();
        await keys.FindAsync(_signing.TeamsKey.Kid, default);
        var rotated = BotFrameworkSigningServer.NewKey(["msteams"]);
        _signing.Publish(rotated);

        Assert.NotNull(await keys.FindAsync(rotated.Kid, default));
        Assert.Equal(2, _signing.KeysFetches);
    }

    [Fact]
    public async Task Refreshes_for_unknown_ids_are_throttled()
    {
        var keys = Keys();
        await keys.FindAsync(_signing.TeamsKey.Kid, default);

        for (var i = 0; i < 10; i++)
            Assert.Null(await keys.FindAsync("forged-" + i, default));
        Assert.Equal(2, _signing.KeysFetches);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await keys.FindAsync("forged-again", default));
        Assert.Equal(3, _signing.KeysFetches);
    }

    [Fact]
    public async Task Keys_are_refreshed_after_the_refresh_interval()
    {
        var keys = Keys();
        await keys.FindAsync(_signing.TeamsKey.Kid, default);

        _time.Advance(TimeSpan.FromHours(25));
        await keys.FindAsync(_signing.TeamsKey.Kid, default);

        Assert.Equal(2, _signing.KeysFetches);
    }

    [Fact]
    public async Task Known_keys_keep_working_while_the_metadata_endpoint_is_down()
    {
        var metadata = _signing.MetadataUrl;
        var keys = Keys(metadata);
        await keys.FindAsync(_signing.TeamsKey.Kid, default);
        await _signing.DisposeAsync();

        _time.Advance(TimeSpan.FromHours(25));

        Assert.NotNull(await keys.FindAsync(_signing.TeamsKey.Kid, default));
    }

    [Fact]
    public async Task Without_any_keys_the_request_cannot_be_authenticated()
    {
        var metadata = _signing.MetadataUrl;
        await _signing.DisposeAsync();

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => Keys(metadata).FindAsync("any", default));
    }

    [Fact]
    public async Task Endpoint_answers_503_when_no_keys_can_be_had()
    {
        await using var bot = await TeamsBotHost.StartAsync(_signing);
        await _signing.DisposeAsync();
        var serviceUrl = "https://smba.trafficmanager.net/amer/";

        var response = await bot.PostAsync(OracleActivities.Read("message_personal_chat"), _signing.Token(serviceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
    }

    [Fact]
    public async Task Plain_http_metadata_is_refused_by_the_retriever()
    {
        var keys = Keys(new Uri("http://127.0.0.1:9/" + BotFrameworkSigningServer.MetadataPath));

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => keys.FindAsync("any", default));
    }

    private BotFrameworkSigningKeys Keys(Uri? metadata = null)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(TestCertificate.TrustingHandler);
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new BotFrameworkOptions
        {
            AppId = BotFrameworkSigningServer.AppId,
            AppPassword = "x",
            OpenIdMetadataUrl = (metadata ?? _signing.MetadataUrl).ToString(),
        });
        return new BotFrameworkSigningKeys(factory, options, _time, NullLogger<BotFrameworkSigningKeys>.Instance);
    }
}
