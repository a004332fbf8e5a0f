using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>The team welcome card's "use this channel for a group": the card turns into the answer.</summary>
internal sealed class RegisterTriageChannelHandler(TriageChannels channels) : ICardActionHandler<RegisterTriageChannel>
{
    public async Task<CardActionOutcome> HandleAsync(RegisterTriageChannel action, TurnContext context, CancellationToken ct)
    {
        var answer = await channels.RegisterAsync(context, action.Group, ct);
        return answer.Tone == MessageTone.Success
            ? new CardActionOutcome.RefreshedCard(MessageCard.Render(answer, context.Cards))
            : new CardActionOutcome.Notice(DeskTexts.Sentence(answer));
    }
}
