using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Bot.Outages.Actions;

/// <summary>
/// "I'm affected" on a notice: anyone who got it. The notice is redrawn with the thanks and the incident
/// they are linked to (see <see cref="OutageAffectedPeople"/>); on an outage that is over, with that.
/// </summary>
internal sealed class ImAffectedHandler(IOutageRepository outages, OutageAffectedPeople affected, OutageNotices notices)
    : ICardActionHandler<ImAffected>
{
    public async Task<CardActionOutcome> HandleAsync(ImAffected action, TurnContext context, CancellationToken ct)
    {
        if (await outages.FindAsync(action.OutageId, ct) is not { } outage) return OutageActionAnswers.NotFound(context);
        if (outage.Status != OutageStatus.Active)
            return new CardActionOutcome.RefreshedCard(await notices.CardAsync(outage, context.Cards, null, ct));
        var major = await affected.LinkAsync(outage, context, ct);
        return new CardActionOutcome.RefreshedCard(await notices.CardAsync(outage, context.Cards, major.ToString(), ct));
    }
}
