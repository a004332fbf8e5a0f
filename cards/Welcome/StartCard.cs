using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Welcome;

/// <summary>"What do you need?": report a problem, request something, ask a question.</summary>
public static class StartCard
{
    public static JsonObject Render(CardContext context) => Render(context, null);

    /// <param name="intro">A line above the choices, e.g. why the bot asks (it did not understand).</param>
    public static JsonObject Render(CardContext context, string? intro)
    {
        List<Element> body =
        [
            new TextBlock(context["start.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            .. intro is null ? Array.Empty<Element>() : [new TextBlock(intro) { Spacing = Spacing.Small }],
            new FactSet(
            [
                new(context["start.incident"], context["start.incidentHint"]),
                new(context["start.request"], context["start.requestHint"]),
                new(context["start.question"], context["start.questionHint"]),
            ]),
            Choices(context),
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(context.Texts.LanguageCode, context["start.title"], body));
    }

    /// <summary>The three ways in, as buttons; shared by the welcome, help and empty "my tickets" cards.</summary>
    internal static ActionSet Choices(CardContext context, bool withMyTickets = false)
    {
        List<AdaptiveAction> actions =
        [
            Buttons.Run(context, context["start.incident"], new StartIntake(TicketKind.Incident)),
            Buttons.Run(context, context["start.request"], new StartIntake(TicketKind.ServiceRequest)),
            Buttons.Run(context, context["start.question"], new StartIntake(TicketKind.InformationRequest)),
        ];
        if (withMyTickets) actions.Add(Buttons.Run(context, context["start.myTickets"], new ShowMyTickets()));
        return new ActionSet(actions) { Spacing = Spacing.Medium };
    }
}
