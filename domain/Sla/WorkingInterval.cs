using NodaTime;

namespace ServiceDesk.Domain.Sla;

/// <summary>
/// Working hours within one local day, half-open [Start, End). LocalTime cannot say 24:00, so an
/// End of 00:00 means the midnight that ends the day (00:00–00:00 is the whole day).
/// </summary>
public sealed record WorkingInterval
{
    public WorkingInterval(LocalTime start, LocalTime end)
    {
        if (end != LocalTime.Midnight && end <= start)
            throw new DomainException("sla.calendar.interval", $"Working interval {start:HH:mm}–{end:HH:mm} must start before it ends.");
        Start = start;
        End = end;
    }

    public LocalTime Start { get; }
    public LocalTime End { get; }
    public bool EndsAtMidnight => End == LocalTime.Midnight;

    // Offsets from the day's midnight; the arithmetic works on these so 24:00 needs no special case.
    internal Duration StartOfDayOffset => Duration.FromNanoseconds(Start.NanosecondOfDay);
    internal Duration EndOfDayOffset => EndsAtMidnight ? Duration.FromDays(1) : Duration.FromNanoseconds(End.NanosecondOfDay);
    public Duration Length => EndOfDayOffset - StartOfDayOffset;

    public override string ToString() => $"{Start:HH:mm}-{(EndsAtMidnight ? "24:00" : End.ToString("HH:mm", null))}";
}
