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
    string? Description = null)
{
    /// <summary>What the desk read in the person's own words; null for an empty form (the person chose the kind).</summary>
    public IntakeProposal? Proposal { get; init; }
}

/// <summary>The desk's proposal from free text: the form starts with it and the person corrects what does not fit.</summary>
/// <param name="CategoryKey">A key of <see cref="IntakeFormView.Categories"/>, or null when the desk could not tell.</param>
public sealed record IntakeProposal(string? CategoryKey, string? ServiceKey, Impact Impact, Urgency Urgency)
{
    public Priority Priority => PriorityMatrix.For(Impact, Urgency);
}

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
        var proposal = view.Proposal;
        // Questions seldom stop anyone working: start them low, problems and requests in the middle.
        var (impact, urgency) = proposal is not null ? (proposal.Impact, proposal.Urgency)
            : view.Kind == TicketKind.InformationRequest ? (Impact.Low, Urgency.Low) : (Impact.Low, Urgency.Medium);
        List<Element> body =
        [
            new TextBlock(context[$"intake.title.{view.Kind}"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(proposal is null ? context[$"intake.intro.{view.Kind}"] : ProposalLine(view, proposal, context)) { IsSubtle = proposal is null },
            FormInputs.Text<SubmitIntake>(context, nameof(SubmitIntake.Title), context["intake.summary"],
                placeholder: context[$"intake.summaryPlaceholder.{view.Kind}"], value: view.Title, maxLength: 200),
            FormInputs.Text<SubmitIntake>(context, nameof(SubmitIntake.Description), context["intake.description"], multiline: true,
                placeholder: context["intake.descriptionPlaceholder"], value: view.Description, required: false, maxLength: 4000),
        ];
        // Read from free text, the kind is the desk's guess too: the person may correct it.
        if (proposal is not null)
            body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Kind), context["intake.kind"],
                FormInputs.EnumChoices<TicketKind>(context), value: view.Kind.ToString()));
        if (view.Categories.Count > 0)
            body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Category), context["intake.category"],
                view.Categories.Select(c => new Choice(c.Name.For(lang), c.Key)).ToArray(), required: false,
                value: view.Categories.Any(c => c.Key == proposal?.CategoryKey) ? proposal!.CategoryKey : null));
        if (view.Services.Count > 0)
            body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Service), context["intake.service"],
                view.Services.Select(s => new Choice(s.Name.For(lang), s.Key)).ToArray(), required: false,
                value: view.Services.Any(c => c.Key == proposal?.ServiceKey) ? proposal!.ServiceKey : null));
        body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Impact), context["intake.impact"],
            Enum.GetValues<Impact>().Select(i => new Choice(context[$"intake.impact.{i}"], i.ToString())).ToArray(),
            value: impact.ToString(), expanded: true));
        body.Add(FormInputs.Choices<SubmitIntake>(context, nameof(SubmitIntake.Urgency), context["intake.urgency"],
            Enum.GetValues<Urgency>().Select(u => new Choice(context[$"intake.urgency.{u}"], u.ToString())).ToArray(),
            value: urgency.ToString(), expanded: true));

        // Description, category and service are optional: the data carries their defaults, filled inputs override them.
        var draft = new SubmitIntake(view.Kind, "", "", impact, urgency, proposal?.CategoryKey, proposal?.ServiceKey);
        var send = proposal is null
            ? Buttons.Submit(context, context["intake.send"], draft, ButtonStyle.Positive,
                nameof(SubmitIntake.Title), nameof(SubmitIntake.Impact), nameof(SubmitIntake.Urgency))
            : Buttons.Submit(context, context["intake.send"], draft, ButtonStyle.Positive,
                nameof(SubmitIntake.Title), nameof(SubmitIntake.Impact), nameof(SubmitIntake.Urgency), nameof(SubmitIntake.Kind));
        body.Add(new ActionSet([send, Buttons.Run(context, context["intake.help"], new Help())]) { Spacing = Spacing.Medium });
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(lang, context[$"intake.title.{view.Kind}"], body));
    }

    // "I read this as an incident about laptops, priority P3": what the desk guessed, so the person knows what to check.
    private static string ProposalLine(IntakeFormView view, IntakeProposal proposal, CardContext context)
    {
        var texts = context.Texts;
        var category = view.Categories.FirstOrDefault(c => c.Key == proposal.CategoryKey);
        var priority = texts.Name(proposal.Priority);
        return category is null
            ? texts.Format("intake.proposed", ("kind", texts.Name(view.Kind)), ("priority", priority))
            : texts.Format("intake.proposedCategory", ("kind", texts.Name(view.Kind)), ("category", category.Name.For(texts.LanguageCode)), ("priority", priority));
    }
}
