using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Turns.CardActions;

/// <summary>
/// Handles one card verb (its payload type is the verb). Exactly one handler per payload type is
/// registered (<see cref="CardActionRegistration.AddCardActionHandler{TAction, THandler}"/>); the
/// router finds it through DI. Handlers change the domain through its interfaces and the outbox and
/// answer with the refreshed card or a short message; the router commits and delivers the answer the
/// way the click came (invoke response or card update).
/// </summary>
public interface ICardActionHandler<in TAction> where TAction : ICardAction
{
    Task<CardActionOutcome> HandleAsync(TAction action, TurnContext context, CancellationToken ct);
}

public abstract record CardActionOutcome
{
    private CardActionOutcome() { }

    /// <summary>The card the person clicked on, as it is now.</summary>
    public sealed record RefreshedCard(JsonObject Card) : CardActionOutcome;

    /// <summary>A short answer that leaves the card as it is (e.g. "already claimed by Ana").</summary>
    public sealed record Notice(string Text) : CardActionOutcome;
}
