using System.Collections.Concurrent;
using System.Reflection;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Turns.CardActions;

/// <summary>Finds the handler of a parsed card action by its payload type, through DI; no table of verbs here.</summary>
internal static class CardActionDispatcher
{
    private delegate Task<CardActionOutcome>? Invoker(IServiceProvider services, ICardAction action, TurnContext context, CancellationToken ct);

    private static readonly ConcurrentDictionary<Type, Invoker> Invokers = new();

    /// <summary>The handler's outcome, or null when no handler is registered for this verb.</summary>
    public static Task<CardActionOutcome>? TryHandleAsync(IServiceProvider services, ICardAction action, TurnContext context, CancellationToken ct) =>
        Invokers.GetOrAdd(action.GetType(), CreateInvoker)(services, action, context, ct);

    private static Invoker CreateInvoker(Type actionType) =>
        typeof(CardActionDispatcher).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(actionType)
            .CreateDelegate<Invoker>();

    private static Task<CardActionOutcome>? Invoke<TAction>(IServiceProvider services, ICardAction action, TurnContext context, CancellationToken ct)
        where TAction : ICardAction =>
        services.GetService<ICardActionHandler<TAction>>()?.HandleAsync((TAction)action, context, ct);
}
