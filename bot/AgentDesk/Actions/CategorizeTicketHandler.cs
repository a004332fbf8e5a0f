using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// "Categorize": the agent says what the ticket is about (closing needs it). The category's service
/// comes with it; the classifier learns from the logged event.
/// </summary>
internal sealed class CategorizeTicketHandler(TicketDesk desk, ICatalogRepository catalog) : ICardActionHandler<CategorizeTicket>
{
    public Task<CardActionOutcome> HandleAsync(CategorizeTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, async step =>
        {
            var key = action.Category.Trim();
            var category = await catalog.FindCategoryAsync(key, ct)
                ?? throw TicketStep.Refuse(context.Texts.Format("desk.error.unknownCategory", ("category", key)));
            step.Ticket.Categorize(category.Key, category.ServiceKey ?? step.Ticket.ServiceKey, step.Actor.Ref, step.Now);
        }, ct);
}
