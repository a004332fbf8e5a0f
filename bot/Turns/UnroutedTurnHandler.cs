using Microsoft.Extensions.Logging;

namespace ServiceDesk.Bot.Turns;

/// <summary>Stands in until the router is registered: accepts turns and says nothing.</summary>
internal sealed partial class UnroutedTurnHandler(ILogger<UnroutedTurnHandler> logger) : ITurnHandler
{
    public Task<TurnResult> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        LogUnrouted(turn.Kind, turn.ChannelId, turn.ActivityId);
        return Task.FromResult(TurnResult.Done);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No turn handler is registered; {Kind} turn {ChannelId}/{ActivityId} was not routed")]
    private partial void LogUnrouted(TurnKind kind, string channelId, string? activityId);
}
