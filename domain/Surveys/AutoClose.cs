using NodaTime;
using ServiceDesk.Domain.Sla;

namespace ServiceDesk.Domain.Surveys;

/// <summary>When a resolved ticket whose requester never answered closes by itself.</summary>
public static class AutoClose
{
    /// <summary>
    /// The same local time of day, <paramref name="businessDays"/> working days after the resolution's
    /// local date, counted in the ticket's calendar (weekends and holidays skipped): resolved Friday
    /// 10:00 with 3 days closes Wednesday 10:00. A time that does not exist that day (the spring DST
    /// gap) moves to just after the gap.
    /// </summary>
    public static DateTimeOffset DueAt(BusinessCalendar calendar, DateTimeOffset resolvedAt, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDays, 1);
        var resolved = Instant.FromDateTimeOffset(resolvedAt).InZone(calendar.Zone).LocalDateTime;
        var date = resolved.Date;
        var counted = 0;
        // The calendar refuses weeks without working time, so this ends; the bound guards holiday-only years.
        for (var day = 0; counted < businessDays; day++)
        {
            if (day > 366 * 2 + businessDays * 7)
                throw new DomainException("sla.calendar.noWorkingTime", $"Calendar {calendar.Id} has no working days after {resolved.Date}.");
            date = date.PlusDays(1);
            if (calendar.WorkingIntervalsOn(date).Count > 0) counted++;
        }
        return (date + resolved.TimeOfDay).InZoneLeniently(calendar.Zone).ToDateTimeOffset();
    }
}
