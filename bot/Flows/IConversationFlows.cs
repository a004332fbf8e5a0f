using ServiceDesk.Bot.Turns;

namespace ServiceDesk.Bot.Flows;

/// <summary>
/// The router's way into the conversations employees have with the bot: text in a personal chat goes
/// to the person's current flow (or starts one). Like a card handler it answers through the turn's
/// outbox and leaves the commit to the router, so the flow's step and the answer are saved together.
/// </summary>
public interface IConversationFlows
{
    Task HandleTextAsync(TurnContext context, CancellationToken ct);
}
