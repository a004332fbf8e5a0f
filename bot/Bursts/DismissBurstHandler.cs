using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Bursts;

namespace ServiceDesk.Bot.Bursts;

/// <summary>"Not related" (coordinators): recorded with who and when; the burst is not offered again and its card says so everywhere.</summary>
internal sealed partial class DismissBurstHandler(
    IBurstRepository bursts,
    DeskAuthorization authorization,
    BurstCards burstCards,
    ILogger<DismissBurstHandler> log) : ICardActionHandler<DismissBurst>
{
    public async Task<CardActionOutcome> HandleAsync(DismissBurst action, TurnContext context, CancellationToken ct)
    {
        var burst = await bursts.FindAsync(action.BurstId, ct);
        if (burst is null) return new CardActionOutcome.Notice(context.Texts["burst.notFound"]);
        var decision = await authorization.CoordinatorAsync(context, ct);
        if (decision.Allowed && !await burstCards.SameOrganisationAsync(burst, context.Turn.Conversation.TenantId, ct))
            decision = decision with { Refusal = DeskRefusal.OtherTenant };
        if (decision.Refusal is { } refusal) return new CardActionOutcome.Notice(DeskTexts.Refused(context.Texts, refusal));
        if (action.Version == burst.Version && burst.State == BurstState.Offered)
        {
            burst.Dismiss(decision.Actor.Ref, context.Now);
            await burstCards.RefreshAsync(burst, context.Conversation.Key, ct);
            LogDismissed(burst.Id, burst.ServiceKey, decision.Actor.Ref.Key);
        }
        return new CardActionOutcome.RefreshedCard(await burstCards.RenderAsync(burst, context.Cards, ct));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Burst {BurstId} ({Service}) marked not related by {Person}")]
    private partial void LogDismissed(Guid burstId, string service, string person);
}
