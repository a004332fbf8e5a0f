using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Teams;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

public sealed class BotFrameworkOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid_development_mode()
    {
        var options = new BotFrameworkOptions();

        Assert.True(options.IsDevelopmentMode);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void A_configured_registration_is_valid()
    {
        Assert.True(Validate(new BotFrameworkOptions { AppId = "app", AppPassword = "secret", TenantId = "tenant" }).Succeeded);
    }

    [Theory]
    [InlineData("BotFramework:AppPassword")]
    [InlineData("BotFramework:OpenIdMetadataUrl")]
    [InlineData("BotFramework:TokenEndpoint")]
    [InlineData("BotFramework:MaxActivityBytes")]
    [InlineData("BotFramework:SigningKeysRefreshInterval")]
    [InlineData("BotFramework:Connector:MaxRetryAttempts")]
    [InlineData("BotFramework:Connector:AttemptTimeout")]
    public void Failures_name_the_configuration_key(string key)
    {
        var options = new BotFrameworkOptions { AppId = "app", AppPassword = "secret" };
        switch (key)
        {
            case "BotFramework:AppPassword": options.AppPassword = ""; break;
            case "BotFramework:OpenIdMetadataUrl": options.OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration"; break;
            case "BotFramework:TokenEndpoint": options.TokenEndpoint = "https://login.microsoftonline.com/token"; break;
            case "BotFramework:MaxActivityBytes": options.MaxActivityBytes = 10; break;
            case "BotFramework:SigningKeysRefreshInterval": options.SigningKeysRefreshInterval = TimeSpan.Zero; break;
            case "BotFramework:Connector:MaxRetryAttempts": options.Connector.MaxRetryAttempts = 50; break;
            case "BotFramework:Connector:AttemptTimeout": options.Connector.AttemptTimeout = TimeSpan.Zero; break;
        }

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_does_not_start_with_invalid_settings()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsBotHost.StartAsync(signing: null, settings: new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = "app",
            ["BotFramework:OpenIdMetadataUrl"] = "not a url",
        }));

        Assert.Contains("BotFramework:AppPassword", failure.Message);
        Assert.Contains("BotFramework:OpenIdMetadataUrl", failure.Message);
    }

    private static ValidateOptionsResult Validate(BotFrameworkOptions options) =>
        new BotFrameworkOptionsValidator().Validate(null, options);
}
