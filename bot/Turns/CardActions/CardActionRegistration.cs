using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Turns.CardActions;

public static class CardActionRegistration
{
    /// <summary>Registers the one handler of a verb; a second handler for the same verb is a startup error.</summary>
    public static IServiceCollection AddCardActionHandler<TAction, THandler>(this IServiceCollection services)
        where TAction : ICardVerb
        where THandler : class, ICardActionHandler<TAction>
    {
        if (services.Any(d => d.ServiceType == typeof(ICardActionHandler<TAction>)))
            throw new InvalidOperationException($"Card verb '{TAction.Verb}' already has a handler; each verb has exactly one.");
        services.AddScoped<ICardActionHandler<TAction>, THandler>();
        return services;
    }
}
