using System.Text.Json.Nodes;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>
/// What an agent card becomes in the channel a ticket left: where it went, who sent it and why.
/// No buttons and no refresh: the ticket is worked on from its card in the new group's channel.
/// </summary>
public static class MovedTicketCard
{
    public static JsonObject Render(TicketView ticket, Escalation escalation, CardContext context)
    {
        var texts = context.Texts;
        var where = texts.Format("ticket.movedTo", ("level", texts.Name(escalation.To)), ("group", escalation.ToGroup));
        List<Element> body =
        [
            TicketHeader.For(context, ticket),
            new TextBlock(where) { Weight = TextWeight.Bolder, Color = TextColor.Accent },
            new TextBlock(texts.Format("ticket.movedBy", ("name", escalation.By.DisplayName), ("when", context.When(escalation.At)), ("reason", escalation.Reason)))
                { IsSubtle = true, Spacing = Spacing.None },
            new FactSet(
            [
                new(context["ticket.requester"], ticket.RequesterName),
                new(context["ticket.status"], texts.Name(ticket.Status)),
                new(context["ticket.opened"], context.When(ticket.CreatedAt)),
            ]),
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, $"{ticket.Number} · {where}", body));
    }
}
