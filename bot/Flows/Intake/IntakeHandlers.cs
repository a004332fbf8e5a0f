using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Flows.Intake;

/// <summary>"Report a problem", "Request something", "Ask a question": the clicked card becomes the form.</summary>
internal sealed class StartIntakeHandler(IntakeFlow intake) : ICardActionHandler<StartIntake>
{
    public async Task<CardActionOutcome> HandleAsync(StartIntake action, TurnContext context, CancellationToken ct) =>
        new CardActionOutcome.RefreshedCard(await intake.StartAsync(context, action.Kind, ct));
}

/// <summary>The form (or "I still need help"): the ticket is registered and the clicked card says so.</summary>
internal sealed class SubmitIntakeHandler(IntakeFlow intake) : ICardActionHandler<SubmitIntake>
{
    public async Task<CardActionOutcome> HandleAsync(SubmitIntake action, TurnContext context, CancellationToken ct) =>
        new CardActionOutcome.RefreshedCard(await intake.SubmitAsync(context, action, ct));
}

/// <summary>"This solved it" on a known answer: no ticket.</summary>
internal sealed class DeflectionSolvedHandler(IntakeFlow intake) : ICardActionHandler<DeflectionSolved>
{
    public async Task<CardActionOutcome> HandleAsync(DeflectionSolved action, TurnContext context, CancellationToken ct) =>
        new CardActionOutcome.RefreshedCard(await intake.SolvedAsync(context, action.ArticleId, ct));
}
