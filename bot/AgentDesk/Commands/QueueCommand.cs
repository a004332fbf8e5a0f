using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Desk;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Commands;

/// <summary>"@bot queue" / "@bot cola": the open tickets by level, the ones in SLA trouble and the oldest first (desk members only).</summary>
internal sealed class QueueCommand(ITicketRepository tickets, TicketViews views, DeskAuthorization authorization) : IChannelCommand
{
    // Enough for a card; a desk with more open tickets than this has a problem the dashboard shows better.
    private const int MaxTickets = 200;

    public async Task<bool> TryHandleAsync(TurnContext context, string text, CancellationToken ct)
    {
        if (ChannelCommands.After(text, Texts.Spanish["command.queue"], Texts.English["command.queue"]) is not "") return false;
        var decision = await authorization.DeskMemberAsync(context, ct);
        if (decision.Refusal is { } refusal)
        {
            context.Reply(OutboundMessage.FromCard(MessageCard.Render(
                new MessageView(context.Texts["message.notAllowed"], DeskTexts.Reason(context.Texts, refusal), MessageTone.Error), context.Cards)));
            return true;
        }
        var open = await tickets.QueryAsync(new TicketQuery(OpenOnly: true, Take: MaxTickets), ct);
        var lines = new List<QueueLine>(open.Count);
        foreach (var ticket in open)
        {
            var sla = await views.SlaStateAsync(ticket, context.Now, ct);
            lines.Add(new QueueLine(ticket.Number, ticket.Title, ticket.Priority, ticket.Status, ticket.Level, ticket.Group, ticket.CreatedAt,
                sla?.Phase, ticket.Assignee?.DisplayName));
        }
        context.Reply(OutboundMessage.FromCard(QueueCard.Render(lines, context.Cards)));
        return true;
    }
}
