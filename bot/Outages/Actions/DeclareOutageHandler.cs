using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Bot.Outages.Actions;

/// <summary>The coordinator's form: the outage is declared (published now or scheduled) and the form becomes its progress card. Coordinators only.</summary>
internal sealed class DeclareOutageHandler(DeskAuthorization authorization, OutageDesk desk, IOptions<DeskOptions> options)
    : ICardActionHandler<DeclareOutage>
{
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
    ];

    public async Task<CardActionOutcome> HandleAsync(DeclareOutage action, TurnContext context, CancellationToken ct)
    {
        var decision = await authorization.CoordinatorAsync(context, ct);
        if (decision.Refusal is { } refusal) return OutageActionAnswers.Refused(context, refusal);
        if (!TryReadStart(action.StartsAt, out var startsAt))
            return new CardActionOutcome.Notice($"{context.Texts["outage.invalid.title"]}. {context.Texts["outage.invalid.startsAt"]}");
        var departments = (action.Departments ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var outage = await desk.DeclareAsync(new OutageDeclaration(action.Service, action.Title, action.Message, action.Severity, action.Audience,
                departments, startsAt), decision.Actor.Ref, ct);
            return await OutageActionAnswers.ProgressCardAsync(desk, outage, context, ct);
        }
        catch (OutageRefusedException refused)
        {
            return OutageActionAnswers.Explain(context, refused);
        }
    }

    // The form's start is a wall-clock time in the desk's zone (an ISO instant with its offset is taken too).
    private bool TryReadStart(string? text, out DateTimeOffset? startsAt)
    {
        startsAt = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        text = text.Trim();
        foreach (var pattern in LocalPatterns)
            if (pattern.Parse(text) is { Success: true } local)
            {
                startsAt = local.Value.InZoneLeniently(options.Value.Zone).ToDateTimeOffset();
                return true;
            }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Length > 16)
        {
            startsAt = instant;
            return true;
        }
        return false;
    }
}
