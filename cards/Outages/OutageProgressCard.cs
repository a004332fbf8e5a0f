using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Cards.Outages;

/// <summary>
/// What the coordinator sees of an outage: its state, the fan-out's progress (sent / pending / failed of
/// N), who said they are affected, and the update and end forms. Teams refreshes it when it is shown
/// (Action.Execute refresh), and "refresh" redraws it at will.
/// </summary>
public static class OutageProgressCard
{
    public static JsonObject Render(OutageProgressView view, CardContext context)
    {
        var texts = context.Texts;
        var p = view.Progress;
        var severity = context[$"outage.severity.{view.Severity}"];
        var heading = texts.Format("outage.notice.heading", ("severity", severity), ("service", view.ServiceName));
        var audience = view.Audience == OutageAudienceKind.Departments
            ? texts.Format("outage.audience.departmentsList", ("departments", string.Join(", ", view.Departments)))
            : context[$"outage.audience.{view.Audience}"];
        List<Fact> facts =
        [
            new(context["outage.progress.status"], view.Status == OutageStatus.Scheduled
                ? texts.Format("outage.status.scheduledAt", ("when", context.When(view.StartsAt)))
                : context[$"outage.status.{view.Status}"]),
            new(context["outage.progress.audience"], audience),
            new(context["outage.progress.delivery"], texts.Format("outage.progress.counts",
                ("sent", Number(p.Sent)), ("pending", Number(p.Pending)), ("failed", Number(p.Failed)), ("total", Number(p.Total)))),
            new(context["outage.progress.unreachable"], Number(p.Unreachable)),
            new(context["outage.progress.affected"], Number(view.Affected)),
            new(context["outage.progress.major"], view.MajorIncident ?? context["outage.progress.noMajor"]),
        ];
        List<Element> body =
        [
            new Container(
            [
                new TextBlock(heading) { Weight = TextWeight.Bolder, Color = OutageColors.Of(view.Severity, view.Status), Size = TextSize.Medium },
                new TextBlock(view.Title) { Weight = TextWeight.Bolder, Spacing = Spacing.Small },
            ]) { Style = OutageColors.Container(view.Severity, view.Status), Bleed = true },
            new FactSet(facts),
        ];
        if (view.LastUpdate is { } update)
            body.Add(new TextBlock(texts.Format("outage.progress.lastUpdate", ("text", update))) { IsSubtle = true, Spacing = Spacing.Small });

        List<AdaptiveAction> actions = [];
        if (view.Status == OutageStatus.Active)
            actions.Add(Buttons.Form(context["outage.progress.update"],
                [FormInputs.Text<UpdateOutage>(context, nameof(UpdateOutage.Text), context["outage.progress.updateText"], multiline: true, maxLength: Outage.MaxMessageLength)],
                Buttons.Submit(context, context["outage.progress.updateSend"], new UpdateOutage(view.OutageId, ""), null, nameof(UpdateOutage.Text))));
        if (view.Status != OutageStatus.Ended)
            actions.Add(Buttons.Form(context["outage.progress.end"],
                [FormInputs.Text<EndOutage>(context, nameof(EndOutage.Text), context["outage.progress.endText"], required: false, multiline: true, maxLength: Outage.MaxMessageLength)],
                Buttons.Submit(context, context["outage.progress.endSend"], new EndOutage(view.OutageId), ButtonStyle.Destructive)));
        actions.Add(Buttons.Run(context, context["card.refresh"], new RefreshOutage(view.OutageId)));
        body.Add(new ActionSet(actions) { Spacing = Spacing.Medium });

        var fallback = $"{heading}: {view.Title} — {texts.Format("outage.progress.counts", ("sent", Number(p.Sent)), ("pending", Number(p.Pending)), ("failed", Number(p.Failed)), ("total", Number(p.Total)))}";
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, fallback, body, Buttons.Refresh(context, new RefreshOutage(view.OutageId))));
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
