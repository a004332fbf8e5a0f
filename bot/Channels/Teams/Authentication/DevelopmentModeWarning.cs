using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.Teams.Authentication;

/// <summary>Says loudly at start that requests are not authenticated, so that it is never missed in production.</summary>
internal sealed partial class DevelopmentModeWarning(IOptions<BotFrameworkOptions> options, ILogger<DevelopmentModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsDevelopmentMode)
            LogDevelopmentMode();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "BotFramework:AppId is not configured: DEVELOPMENT MODE. /api/messages accepts unauthenticated requests from loopback only and the bot sends replies without a token. Configure BotFramework:AppId and BotFramework:AppPassword for Teams.")]
    private partial void LogDevelopmentMode();
}
