using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Problems;

/// <param name="Incidents">The numbers of the linked incidents.</param>
public sealed record ProblemView(Guid Id, int Version, string Number, string Title, ProblemStatus Status, string OwnerGroup,
    string? Workaround, string? RootCause, PersonRef OpenedBy, DateTimeOffset OpenedAt, IReadOnlyList<string> Incidents)
{
    public static ProblemView From(Problem problem, IReadOnlyList<string> incidents) =>
        new(problem.Id, problem.Version, problem.Number, problem.Title, problem.Status, problem.OwnerGroup, problem.Workaround, problem.RootCause,
            problem.OpenedBy, problem.OpenedAt, incidents);
}

/// <summary>A problem record in its owner group's channel: what is known, the incidents under it, and "resolve" once the cause is fixed.</summary>
public static class ProblemCard
{
    public const int MaxIncidentsShown = 10;

    public static JsonObject Render(ProblemView problem, CardContext context)
    {
        var texts = context.Texts;
        var heading = texts.Format("problem.heading", ("number", problem.Number));
        List<Fact> facts =
        [
            new(context["problem.status"], texts.Name(problem.Status)),
            new(context["problem.group"], problem.OwnerGroup),
            new(context["problem.opened"], $"{context.When(problem.OpenedAt)} · {problem.OpenedBy.DisplayName}"),
        ];
        if (problem.Incidents.Count > 0)
        {
            var shown = string.Join(", ", problem.Incidents.Take(MaxIncidentsShown));
            facts.Add(new(context["problem.incidents"], problem.Incidents.Count > MaxIncidentsShown
                ? $"{shown} " + texts.Format("problem.moreIncidents", ("count", (problem.Incidents.Count - MaxIncidentsShown).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : shown));
        }
        if (problem.Workaround is { } workaround) facts.Add(new(context["problem.workaround"], workaround));
        if (problem.RootCause is { } rootCause) facts.Add(new(context["problem.rootCause"], rootCause));

        List<Element> body =
        [
            new TextBlock(heading) { IsSubtle = true, Size = TextSize.Small },
            new TextBlock(problem.Title) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Style = TextBlockStyle.Heading, Spacing = Spacing.None },
            new FactSet(facts),
        ];
        if (problem.Status != ProblemStatus.Resolved)
            body.Add(new ActionSet(
            [
                Buttons.Form(context["problem.resolve"],
                    [FormInputs.Text<ResolveProblem>(context, nameof(ResolveProblem.RootCause), context["problem.rootCauseLabel"], multiline: true)],
                    Buttons.Submit(context, context["problem.resolveSend"], new ResolveProblem(problem.Id, problem.Version, ""), ButtonStyle.Positive,
                        nameof(ResolveProblem.RootCause))),
            ]) { Spacing = Spacing.Medium });
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, $"{heading} · {problem.Title}", body));
    }
}
