using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Cards.Outages;

/// <summary>
/// The notice every recipient gets in their chat, in their language (the message is the coordinator's
/// own words). Updates and the end redraw this same card in place; "I'm affected" while it is on.
/// </summary>
public static class OutageNoticeCard
{
    public static JsonObject Render(OutageNoticeView view, CardContext context)
    {
        var texts = context.Texts;
        var severity = context[$"outage.severity.{view.Severity}"];
        var heading = texts.Format("outage.notice.heading", ("severity", severity), ("service", view.ServiceName));
        List<Element> banner =
        [
            new TextBlock(heading) { Weight = TextWeight.Bolder, Color = OutageColors.Of(view.Severity, view.Status), Size = TextSize.Medium },
            new TextBlock(view.Title) { Weight = TextWeight.Bolder, Spacing = Spacing.Small },
        ];
        List<Element> body =
        [
            new Container(banner) { Style = OutageColors.Container(view.Severity, view.Status), Bleed = true },
            new TextBlock(StatusLine(view, context)) { IsSubtle = true, Size = TextSize.Small },
            new TextBlock(view.Message) { Spacing = Spacing.Medium },
        ];
        if (view.LastUpdate is { } update)
        {
            var when = view.LastUpdateAt is { } at ? context.When(at) : "";
            body.Add(new TextBlock(texts.Format("outage.notice.lastUpdate", ("when", when))) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Size = TextSize.Small });
            body.Add(new TextBlock(update) { Spacing = Spacing.Small });
        }
        if (view.Status == OutageStatus.Active && view.AffectedTicket is { } linked)
        {
            body.Add(new TextBlock(context["outage.affected.title"]) { Weight = TextWeight.Bolder, Color = TextColor.Good, Spacing = Spacing.Medium });
            body.Add(new TextBlock(texts.Format("outage.affected.text", ("number", linked))) { Spacing = Spacing.Small });
        }
        else if (view.Status == OutageStatus.Active)
        {
            body.Add(new TextBlock(context["outage.notice.affectedHint"]) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
            body.Add(new ActionSet([Buttons.Run(context, context["outage.notice.imAffected"], new ImAffected(view.OutageId), ButtonStyle.Positive)]));
        }
        var fallback = $"{heading}: {view.Title}";
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, fallback, body));
    }

    private static string StatusLine(OutageNoticeView view, CardContext context) => view.Status switch
    {
        OutageStatus.Ended when view.EndedAt is { } ended => context.Texts.Format("outage.status.endedAt", ("when", context.When(ended))),
        OutageStatus.Scheduled => context.Texts.Format("outage.status.scheduledAt", ("when", context.When(view.StartsAt))),
        _ => context.Texts.Format("outage.status.activeSince", ("when", context.When(view.StartsAt))),
    };
}

/// <summary>Severity as colour: the same on the notice and on the coordinator's card.</summary>
internal static class OutageColors
{
    public static TextColor Of(OutageSeverity severity, OutageStatus status) => status == OutageStatus.Ended
        ? TextColor.Good
        : severity switch
        {
            OutageSeverity.Minor => TextColor.Warning,
            _ => TextColor.Attention,
        };

    public static ContainerStyle Container(OutageSeverity severity, OutageStatus status) => status == OutageStatus.Ended
        ? ContainerStyle.Good
        : severity switch
        {
            OutageSeverity.Minor => ContainerStyle.Warning,
            _ => ContainerStyle.Attention,
        };
}
