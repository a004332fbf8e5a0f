using NodaTime;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>
/// The live SLA state in words: for agents both clocks with business time left, why a clock is
/// paused, warnings and breaches; for requesters the target date and whether it is on hold.
/// </summary>
internal static class SlaLines
{
    public static IEnumerable<Element> ForAgent(CardContext context, TicketView ticket)
    {
        if (ticket.Sla is not { } sla) yield break;
        if (ResponseLine(context, ticket, sla) is { } response) yield return response;
        yield return Line(context, "sla.resolution", sla.Phase, ResolutionDetail(context, ticket, sla));
    }

    /// <summary>The requester's target, as a fact value: the due date, "on hold" or "we are late".</summary>
    public static string? TargetForRequester(CardContext context, TicketView ticket)
    {
        if (ticket.Sla is not { } sla) return null;
        return sla.Phase switch
        {
            SlaPhase.OnTrack or SlaPhase.Warning => context.When(sla.ResolutionDue),
            SlaPhase.Paused => context["requester.targetPaused"],
            SlaPhase.Breached when ticket.Status.IsOpen() => context.Texts.Format("requester.targetLate", ("due", context.When(sla.ResolutionDue))),
            _ => null,
        };
    }

    private static RichTextBlock? ResponseLine(CardContext context, TicketView ticket, SlaState sla)
    {
        // Once someone answered in time the response clock is history; a late answer stays visible while the ticket is open.
        if (!ticket.Status.IsOpen() || (sla.RespondedAt is not null && !sla.ResponseBreached)) return null;
        var due = context.When(sla.ResponseDue);
        var (phase, detail) = sla switch
        {
            { ResponseBreached: true } => (SlaPhase.Breached, context.Texts.Format("sla.wasDue", ("due", due))),
            { ResponseWarning: true } => (SlaPhase.Warning, context.Texts.Format("sla.due", ("due", due))),
            _ => (SlaPhase.OnTrack, context.Texts.Format("sla.due", ("due", due))),
        };
        return Line(context, "sla.response", phase, detail);
    }

    private static string ResolutionDetail(CardContext context, TicketView ticket, SlaState sla)
    {
        var texts = context.Texts;
        var left = texts.BusinessDuration(sla.RemainingBusinessTime);
        var resolved = ticket.ResolvedAt is { } r ? context.When(r) : null;
        return sla.Phase switch
        {
            SlaPhase.OnTrack or SlaPhase.Warning => texts.Format("sla.left", ("left", left), ("due", context.When(sla.ResolutionDue))),
            SlaPhase.Paused when !string.IsNullOrWhiteSpace(sla.PauseReason ?? ticket.PendingReason) =>
                texts.Format("sla.pausedBecause", ("reason", (sla.PauseReason ?? ticket.PendingReason)!.Trim()), ("left", left)),
            SlaPhase.Paused => texts.Format("sla.pausedLeft", ("left", left)),
            SlaPhase.Breached when resolved is not null => texts.Format("sla.resolvedLate", ("resolved", resolved), ("due", context.When(BreachInstant(sla)))),
            SlaPhase.Breached => texts.Format("sla.wasDue", ("due", context.When(BreachInstant(sla)))),
            _ => resolved is null ? texts.Name(SlaPhase.Met) : texts.Format("sla.resolvedOn", ("resolved", resolved)),
        };
    }

    private static Instant BreachInstant(SlaState sla) => sla.BreachAt ?? sla.ResolutionDue;

    private static RichTextBlock Line(CardContext context, string clockKey, SlaPhase phase, string detail) => new(
    [
        new TextRun(context[clockKey] + ": ") { IsSubtle = true },
        new TextRun(context.Texts.Name(phase)) { Weight = TextWeight.Bolder, Color = ColorOf(phase) },
        new TextRun(" · " + detail),
    ]);

    public static TextColor ColorOf(SlaPhase phase) => phase switch
    {
        SlaPhase.OnTrack or SlaPhase.Met => TextColor.Good,
        SlaPhase.Warning => TextColor.Warning,
        SlaPhase.Breached => TextColor.Attention,
        _ => TextColor.Accent,
    };
}
