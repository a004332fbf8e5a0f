using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Cards.Outages;

/// <summary>The coordinator's form (Teams) to declare an outage or a security alert: what, how bad, to whom, now or when.</summary>
public static class OutageFormCard
{
    public static JsonObject Render(IReadOnlyList<OutageServiceChoice> services, CardContext context)
    {
        var texts = context.Texts;
        var serviceChoices = services.Select(s => new Choice(s.Name, s.Key)).ToArray();
        var severities = Enum.GetValues<OutageSeverity>().Select(s => new Choice(context[$"outage.severity.{s}"], s.ToString())).ToArray();
        var audiences = Enum.GetValues<OutageAudienceKind>().Select(a => new Choice(context[$"outage.audience.{a}"], a.ToString())).ToArray();
        List<Element> body =
        [
            new TextBlock(context["outage.form.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(context["outage.form.intro"]) { IsSubtle = true },
            FormInputs.Choices<DeclareOutage>(context, nameof(DeclareOutage.Service), context["outage.form.service"], serviceChoices),
            FormInputs.Text<DeclareOutage>(context, nameof(DeclareOutage.Title), context["outage.form.titleLabel"], maxLength: Outage.MaxTitleLength),
            FormInputs.Text<DeclareOutage>(context, nameof(DeclareOutage.Message), context["outage.form.message"], multiline: true,
                placeholder: context["outage.form.messageHint"], maxLength: Outage.MaxMessageLength),
            FormInputs.Choices<DeclareOutage>(context, nameof(DeclareOutage.Severity), context["outage.form.severity"], severities,
                value: nameof(OutageSeverity.Major)),
            FormInputs.Choices<DeclareOutage>(context, nameof(DeclareOutage.Audience), context["outage.form.audience"], audiences,
                value: nameof(OutageAudienceKind.Subscribers), expanded: true),
            FormInputs.Text<DeclareOutage>(context, nameof(DeclareOutage.Departments), context["outage.form.departments"], required: false,
                placeholder: context["outage.form.departmentsHint"], maxLength: 500),
            FormInputs.Text<DeclareOutage>(context, nameof(DeclareOutage.StartsAt), context["outage.form.startsAt"], required: false,
                placeholder: context["outage.form.startsAtHint"], maxLength: 40),
            new ActionSet(
            [
                Buttons.Submit(context, context["outage.form.send"],
                    new DeclareOutage("", "", "", OutageSeverity.Major, OutageAudienceKind.Subscribers), ButtonStyle.Positive,
                    nameof(DeclareOutage.Service), nameof(DeclareOutage.Title), nameof(DeclareOutage.Message),
                    nameof(DeclareOutage.Severity), nameof(DeclareOutage.Audience)),
            ]) { Spacing = Spacing.Medium },
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, context["outage.form.title"], body));
    }
}
