using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>
/// The ticket as its requester sees it in the personal chat: where it stands, when to expect a
/// resolution, what happens next, and only the buttons that make sense now.
/// </summary>
public static class RequesterTicketCard
{
    public static JsonObject Render(TicketView ticket, CardContext context)
    {
        var texts = context.Texts;
        List<Fact> facts =
        [
            new(context["ticket.kind"], texts.Name(ticket.Kind)),
            new(context["ticket.priority"], texts.Name(ticket.Priority)),
            new(context["ticket.status"], texts.Name(ticket.Status)),
        ];
        if (ticket.Assignee is { } assignee && ticket.Status.IsOpen()) facts.Add(new(context["ticket.assignee"], assignee.DisplayName));
        if (SlaLines.TargetForRequester(context, ticket) is { } target) facts.Add(new(context["requester.target"], target));
        facts.Add(new(context["ticket.opened"], context.When(ticket.CreatedAt)));

        List<Element> body =
        [
            TicketHeader.For(context, ticket),
            new FactSet(facts),
            new TextBlock(context["requester.next"]) { Weight = TextWeight.Bolder, Size = TextSize.Small, Spacing = Spacing.Medium },
            new TextBlock(WhatHappensNext(context, ticket)) { Spacing = Spacing.None },
        ];
        if (Buttons.Row(context, Actions(context, ticket)) is { } row) body.Add(row);

        var refresh = ticket.Status.IsTerminal()
            ? null
            : Buttons.Refresh(context, new RefreshTicket(ticket.Id, ticket.Version, TicketCardAudience.Requester));
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, TicketHeader.FallbackText(context, ticket), body, refresh));
    }

    private static string WhatHappensNext(CardContext context, TicketView t)
    {
        var texts = context.Texts;
        var agent = t.Assignee?.DisplayName ?? "";
        return t.Status switch
        {
            TicketStatus.New when t.Sla is { RespondedAt: null } sla =>
                texts.Format("requester.next.NewBy", ("due", context.When(sla.ResponseDue))),
            TicketStatus.Pending => string.IsNullOrWhiteSpace(t.PendingReason)
                ? texts.Format("requester.next.Pending", ("button", context["requester.reply"]))
                : texts.Format("requester.next.PendingBecause", ("reason", t.PendingReason.Trim()), ("button", context["requester.reply"])),
            TicketStatus.Resolved when !string.IsNullOrWhiteSpace(t.Resolution?.Notes) =>
                texts.Format("requester.next.ResolvedNotes", ("notes", t.Resolution.Notes.Trim())),
            _ => texts.Format($"requester.next.{t.Status}", ("agent", agent)),
        };
    }

    private static IEnumerable<AdaptiveAction> Actions(CardContext context, TicketView t)
    {
        if (t.Status == TicketStatus.Resolved)
        {
            yield return Buttons.Run(context, context["requester.confirmFix"], new ConfirmFix(t.Id, t.Version), ButtonStyle.Positive);
            yield return Buttons.Form(context["requester.reopen"],
                [FormInputs.Text<ReopenTicket>(context, nameof(ReopenTicket.Reason), context["requester.reopenReason"], multiline: true)],
                Buttons.Submit(context, context["requester.reopenSend"], new ReopenTicket(t.Id, t.Version, ""), null, nameof(ReopenTicket.Reason)));
        }
        if (t.Status.IsOpen())
            yield return Buttons.Form(context["requester.reply"],
                [FormInputs.Text<ReplyOnTicket>(context, nameof(ReplyOnTicket.Text), context["requester.replyText"], multiline: true)],
                Buttons.Submit(context, context["requester.replySend"], new ReplyOnTicket(t.Id, t.Version, ""), null, nameof(ReplyOnTicket.Text)));
        if (TicketLifecycle.Allows(t.Status, TicketTransition.Cancel))
            yield return Buttons.Form(context["requester.cancel"],
                [FormInputs.Text<CancelTicket>(context, nameof(CancelTicket.Reason), context["requester.cancelReason"], required: false)],
                Buttons.Submit(context, context["requester.cancelSend"], new CancelTicket(t.Id, t.Version), ButtonStyle.Destructive));
    }
}
