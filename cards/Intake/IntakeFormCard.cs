using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Intake;

/// <summary>A catalog entry offered as a choice: its key is what the payload carries.</summary>
public sealed record CatalogChoice(string Key, LocalizedText Name)
{
    public static CatalogChoice From(Category category) => new(category.Key, category.Name);

    public static CatalogChoice From(Service service) => new(service.Key, service.Name);
}

/// <param name="Title">What the person already typed, to start the form with.</param>
public sealed record IntakeFormView(
    TicketKind Kind,
    IReadOnlyList<CatalogChoice> Categories,
    IReadOnlyList<CatalogChoice> Services,
    string? Title = null,
    string? Description = null);

/// <summary>
/// The form that registers a ticket. Impact and urgency are asked in everyday words ("just me",
/// "I can't work"); the desk derives the priority from them.
/// </summary>
public static class IntakeFormCard
{
    public static JsonObject Render(IntakeFormView view, CardContext context)
    {
        var texts = context.Texts;
        var lang = texts.LanguageCode;
        // Questions seldom stop anyone working: start them low, problems and requests in the middle.
        var (impact, urgency) = view.Kind == TicketKind.InformationRequest ? (Impact.Low, Urgency.Low) : (Impact.Low, Urgency.Medium);
        List<Element> body =
        [
            new TextBlock(context[$"intake.title.{view.Kind}"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(context[$"intake.intro.{view.Kind}"]) { IsSubtle = true },
            FormInputs.Text<SubmitIntake>(context, nameof(SubmitIntake.Title), context["intake.summary"],
                placeholder: context[$"intake.summaryPlaceholder.{view.Kind}"], value: view.Title, maxLength: 200),
            FormInputs.Text<SubmitIntake>(context, nameof(SubmitIntake.Description), context["intake.description"], multiline: true,
                placeholder: context["intake.descriptionPlaceholder"], value: view.Description, required: false, maxLength: 4000),
        ];
        if (view.Categories.Count > 0)
            body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Category), context["intake.category"],
                view.Categories.Select(c => new Choice(c.Name.For(lang), c.Key)).ToArray(), required: false));
        if (view.Services.Count > 0)
            body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Service), context["intake.service"],
                view.Services.Select(s => new Choice(s.Name.For(lang), s.Key)).ToArray(), required: false));
        body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Impact), context["intake.impact"],
            Enum.GetValues<Impact>().Select(i => new Choice(context[$"intake.impact.{i}"], i.ToString())).ToArray(),
            value: impact.ToString(), expanded: true));
        body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Urgency), context["intake.urgency"],
            Enum.GetValues<Urgency>().Select(u => new Choice(context[$"intake.urgency.{u}"], u.ToString())).ToArray(),
            value: urgency.ToString(), expanded: true));

        // Description, category and service are optional: the data carries their defaults, filled inputs override them.
        var draft = new SubmitIntake(view.Kind, "", "", impact, urgency);
        body.Add(new ActionSet(
        [
            Buttons.Submit(context, context["intake.send"], draft, ButtonStyle.Positive,
                nameof(SubmitIntake.Title), nameof(SubmitIntake.Impact), nameof(SubmitIntake.Urgency)),
            Buttons.Run(context, context["intake.help"], new Help()),
        ]) { Spacing = Spacing.Medium });
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(lang, context[$"intake.title.{view.Kind}"], body));
    }
}
