using NodaTime;

namespace ServiceDesk.Domain.Sla;

/// <summary>A stretch during which the resolution clock stands still; End is null while it lasts.</summary>
public sealed record SlaPause(Instant Start, Instant? End, string Reason);

/// <summary>
/// What the SLA clocks need from a ticket's event log. Pauses are the Pending intervals and the
/// intervals between a resolution and its reopen; Resolved is the final resolution and is set
/// only while the ticket is resolved or closed. Cancelled tickets have no SLA to evaluate.
/// </summary>
public sealed class SlaTimeline
{
    public SlaTimeline(Instant created, Instant? firstResponse, IReadOnlyList<SlaPause> pauses, Instant? resolved)
    {
        if (firstResponse < created) throw new ArgumentException($"First response {firstResponse} is before creation {created}.", nameof(firstResponse));
        if (resolved < created) throw new ArgumentException($"Resolution {resolved} is before creation {created}.", nameof(resolved));
        var previousEnd = created;
        for (var i = 0; i < pauses.Count; i++)
        {
            var pause = pauses[i];
            if (pause.Start < previousEnd)
                throw new ArgumentException($"Pause {i} starts at {pause.Start}, before creation or the end of the previous pause ({previousEnd}); pauses must be ordered and must not overlap.", nameof(pauses));
            if (pause.End < pause.Start) throw new ArgumentException($"Pause {i} ends before it starts.", nameof(pauses));
            if (pause.End is null && i != pauses.Count - 1) throw new ArgumentException($"Only the last pause can still be running; pause {i} has no end.", nameof(pauses));
            if (resolved is not null && (pause.End is null || pause.End > resolved))
                throw new ArgumentException($"Pause {i} runs past the final resolution {resolved}.", nameof(pauses));
            previousEnd = pause.End ?? pause.Start;
        }
        Created = created;
        FirstResponse = firstResponse;
        Pauses = pauses.ToArray();
        Resolved = resolved;
    }

    public Instant Created { get; }
    public Instant? FirstResponse { get; }
    public IReadOnlyList<SlaPause> Pauses { get; }
    public Instant? Resolved { get; }
    public bool IsOpen => Resolved is null;
}
