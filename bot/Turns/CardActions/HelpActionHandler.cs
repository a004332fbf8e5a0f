using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Turns.CardActions;

/// <summary>"Help": the card turns into the help card, in the reader's language.</summary>
internal sealed class HelpActionHandler : ICardActionHandler<Help>
{
    public Task<CardActionOutcome> HandleAsync(Help action, TurnContext context, CancellationToken ct) =>
        Task.FromResult<CardActionOutcome>(new CardActionOutcome.RefreshedCard(TurnCards.Help(context)));
}
