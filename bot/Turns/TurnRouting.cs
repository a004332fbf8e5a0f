using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Turns;

public static class TurnRouting
{
    /// <summary>The router every channel hands its turns to, and the card verbs it can already handle.</summary>
    public static IServiceCollection AddTurnRouter(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TurnCards>();
        services.Replace(ServiceDescriptor.Singleton<ITurnHandler, TurnRouter>());
        services.AddHostedService<ProcessedActivityRetention>();

        services.AddCardActionHandler<Help, HelpActionHandler>();
        return services;
    }
}
