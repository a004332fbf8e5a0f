using NodaTime;
using NodaTime.TimeZones;

namespace ServiceDesk.Domain.Sla;

/// <summary>
/// Business time is counted on local wall-clock time (design.md §2), so instants are turned into a
/// local "position" that never goes backwards: in the spring gap the position jumps over the
/// missing hour at the transition instant (the hour still counts, the day keeps its local length);
/// in autumn the position runs through the first pass of the repeated hour and stands still at
/// its end during the second pass (the hour counts once).
/// </summary>
internal static class WallClock
{
    public static LocalDateTime Position(DateTimeZone zone, Instant instant)
    {
        var interval = zone.GetZoneInterval(instant);
        var local = instant.WithOffset(interval.WallOffset).LocalDateTime;
        var repeatedUntil = EndOfRepeatedHour(zone, interval);
        return repeatedUntil is { } end && local < end ? end : local;
    }

    /// <summary>The earliest instant whose position has reached <paramref name="local"/>.</summary>
    public static Instant EarliestInstantAt(DateTimeZone zone, LocalDateTime local)
    {
        var mapping = zone.MapLocal(local);
        switch (mapping.Count)
        {
            case 0:
                // A local time in the spring gap is reached at the transition.
                return mapping.LateInterval.Start;
            case 2:
                return mapping.First().ToInstant();
            default:
                var instant = mapping.Single().ToInstant();
                // The end of a repeated hour is reached when the repetition starts (the position
                // stands still from there), not an hour later.
                var interval = mapping.EarlyInterval;
                return EndOfRepeatedHour(zone, interval) == local ? interval.Start : instant;
        }
    }

    // When this zone interval starts by turning the clocks back, the local time at which the
    // previous interval ended, i.e. the end of the local times that occur twice.
    private static LocalDateTime? EndOfRepeatedHour(DateTimeZone zone, ZoneInterval interval)
    {
        if (!interval.HasStart || interval.Start == Instant.MinValue) return null;
        var previous = zone.GetZoneInterval(interval.Start - Duration.Epsilon);
        if (previous.WallOffset <= interval.WallOffset) return null;
        return interval.Start.WithOffset(previous.WallOffset).LocalDateTime;
    }
}
