using NodaTime;

namespace ServiceDesk.Domain.Sla;

/// <summary>What a ticket card shows about the resolution clock.</summary>
public enum SlaPhase { OnTrack, Warning, Breached, Paused, Met }

/// <summary>
/// Both SLA clocks of one ticket at one instant. The response clock never pauses, so its warning
/// and due instants are fixed at creation. For the resolution clock, WarningAt/BreachAt are when
/// the threshold was reached or, while the clock runs, when it will be if nothing pauses it (what
/// the scheduler waits for); null while paused short of it, and BreachAt null once resolved in time.
/// </summary>
public sealed record SlaState
{
    public required Instant ResponseDue { get; init; }
    public required Instant ResponseWarningAt { get; init; }
    public required Instant? RespondedAt { get; init; }
    public required bool ResponseMet { get; init; }
    public required bool ResponseWarning { get; init; }
    public required bool ResponseBreached { get; init; }

    public required Duration ResolutionTarget { get; init; }
    public required Instant ResolutionDue { get; init; }
    public required Duration UsedBusinessTime { get; init; }
    public required Duration RemainingBusinessTime { get; init; }
    public required bool IsPaused { get; init; }
    public required string? PauseReason { get; init; }
    public required bool Warning { get; init; }
    public required bool Breached { get; init; }
    public required Instant? WarningAt { get; init; }
    public required Instant? BreachAt { get; init; }
    public required SlaPhase Phase { get; init; }
}

public static class SlaClock
{
    public static SlaState Evaluate(SlaTimeline timeline, SlaTargets targets, BusinessCalendar calendar, Instant now)
    {
        if (targets.CalendarId != calendar.Id)
            throw new ArgumentException($"The targets are counted in calendar {targets.CalendarId}, not {calendar.Id}.", nameof(calendar));

        var open = timeline.IsOpen;
        // A clock skew between instances can put now before creation; nothing has elapsed then.
        var clockEnd = timeline.Resolved ?? Max(now, timeline.Created);
        var running = RunningSegments(timeline, clockEnd);
        var used = running.Aggregate(Duration.Zero, (sum, s) => sum + calendar.Between(s.Start, s.End));
        var target = targets.Resolution;
        var warningThreshold = WarningThreshold(target);

        var activePause = open ? timeline.Pauses.LastOrDefault(p => p.Start <= now && (p.End is null || p.End > now)) : null;
        var paused = activePause is not null;

        // Once reached, the breach instant is the due for good: later pauses no longer move it.
        var breachReachedAt = ReachedAt(target, running, calendar);
        var due = breachReachedAt ?? calendar.Add(clockEnd, target - used);
        var breached = breachReachedAt is { } reached && (open || timeline.Resolved > reached);

        var warningAt = ReachedAt(warningThreshold, running, calendar)
            ?? (open && !paused ? calendar.Add(clockEnd, warningThreshold - used) : null);
        var breachAt = breached || (open && !paused) ? due : (Instant?)null;
        var warning = open && used >= warningThreshold;

        var responseDue = calendar.Add(timeline.Created, targets.Response);
        var responseWarningAt = calendar.Add(timeline.Created, WarningThreshold(targets.Response));
        var responded = timeline.FirstResponse;

        return new SlaState
        {
            ResponseDue = responseDue,
            ResponseWarningAt = responseWarningAt,
            RespondedAt = responded,
            ResponseMet = responded <= responseDue,
            ResponseWarning = open && responded is null && now >= responseWarningAt,
            ResponseBreached = responded is { } r ? r > responseDue : now >= responseDue,

            ResolutionTarget = target,
            ResolutionDue = due,
            UsedBusinessTime = used,
            RemainingBusinessTime = used >= target ? Duration.Zero : target - used,
            IsPaused = paused,
            PauseReason = activePause?.Reason,
            Warning = warning,
            Breached = breached,
            WarningAt = warningAt,
            BreachAt = breachAt,
            Phase = breached ? SlaPhase.Breached
                : !open ? SlaPhase.Met
                : paused ? SlaPhase.Paused
                : warning ? SlaPhase.Warning
                : SlaPhase.OnTrack,
        };
    }

    // 75 % rounded up, so "used >= threshold" means at least three quarters even for odd targets.
    private static Duration WarningThreshold(Duration target)
    {
        var nanoseconds = target.ToInt64Nanoseconds();
        return Duration.FromNanoseconds(nanoseconds - nanoseconds / 4);
    }

    private static List<(Instant Start, Instant End)> RunningSegments(SlaTimeline timeline, Instant clockEnd)
    {
        var segments = new List<(Instant Start, Instant End)>();
        var cursor = timeline.Created;
        foreach (var pause in timeline.Pauses)
        {
            var pauseStart = Min(pause.Start, clockEnd);
            if (pauseStart > cursor) segments.Add((cursor, pauseStart));
            cursor = Max(cursor, Min(pause.End ?? clockEnd, clockEnd));
        }
        if (clockEnd > cursor) segments.Add((cursor, clockEnd));
        return segments;
    }

    // The instant the running clock accumulated `amount` of business time, if it has.
    private static Instant? ReachedAt(Duration amount, List<(Instant Start, Instant End)> running, BusinessCalendar calendar)
    {
        var accumulated = Duration.Zero;
        foreach (var (start, end) in running)
        {
            var segment = calendar.Between(start, end);
            if (accumulated + segment >= amount) return calendar.Add(start, amount - accumulated);
            accumulated += segment;
        }
        return null;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
