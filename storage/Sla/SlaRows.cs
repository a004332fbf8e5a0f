using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using NodaTime.Text;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Sla;

// Calendars and policies are small, immutable, always read whole and replaced whole, and their
// domain types hold NodaTime values and derived state: a row per record with the nested parts
// as JSON text (readable in SQL, the same on both providers) fits them better than child tables.

internal sealed class SlaCalendarRow
{
    public string Id { get; private set; } = "";
    public string ZoneId { get; private set; } = "";
    /// <summary>{"Monday":[{"start":"08:00:00","end":"18:00:00"}],...}; an end of 00:00:00 is midnight.</summary>
    public string WeeklyHours { get; private set; } = "{}";
    /// <summary>["2026-01-01",...]</summary>
    public string Holidays { get; private set; } = "[]";

    public static SlaCalendarRow From(BusinessCalendar calendar)
    {
        var row = new SlaCalendarRow { Id = calendar.Id };
        row.CopyFrom(calendar);
        return row;
    }

    public void CopyFrom(BusinessCalendar calendar)
    {
        ZoneId = calendar.ZoneId;
        var week = new Dictionary<string, List<IntervalJson>>();
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            var hours = calendar.HoursOn(day);
            if (hours.Count > 0)
                week[day.ToString()] = hours.Select(h => new IntervalJson(SlaJson.Time.Format(h.Start), SlaJson.Time.Format(h.End))).ToList();
        }
        WeeklyHours = JsonSerializer.Serialize(week, SlaJson.Options);
        Holidays = JsonSerializer.Serialize(calendar.Holidays.Select(SlaJson.Date.Format), SlaJson.Options);
    }

    public BusinessCalendar ToDomain()
    {
        var week = JsonSerializer.Deserialize<Dictionary<string, List<IntervalJson>>>(WeeklyHours, SlaJson.Options) ?? [];
        var hours = week.ToDictionary(
            d => Enum.Parse<IsoDayOfWeek>(d.Key),
            d => (IReadOnlyList<WorkingInterval>)d.Value.Select(i => new WorkingInterval(SlaJson.Time.Parse(i.Start).Value, SlaJson.Time.Parse(i.End).Value)).ToList());
        var holidays = (JsonSerializer.Deserialize<List<string>>(Holidays, SlaJson.Options) ?? []).Select(d => SlaJson.Date.Parse(d).Value);
        return new BusinessCalendar(Id, ZoneId, hours, holidays);
    }

    private sealed record IntervalJson(string Start, string End);
}

internal sealed class SlaPolicyRow
{
    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CalendarId { get; private set; } = "";
    /// <summary>{"P1":{"response":"0:00:15:00","resolution":"0:04:00:00"},...} (NodaTime round-trip durations).</summary>
    public string Targets { get; private set; } = "{}";

    public static SlaPolicyRow From(SlaPolicy policy)
    {
        var row = new SlaPolicyRow { Id = policy.Id };
        row.CopyFrom(policy);
        return row;
    }

    public void CopyFrom(SlaPolicy policy)
    {
        Name = policy.Name;
        CalendarId = policy.CalendarId;
        var targets = policy.Targets.OrderBy(t => t.Key).ToDictionary(
            t => t.Key.ToString(),
            t => new TargetsJson(SlaJson.Duration.Format(t.Value.Response), SlaJson.Duration.Format(t.Value.Resolution)));
        Targets = JsonSerializer.Serialize(targets, SlaJson.Options);
    }

    public SlaPolicy ToDomain()
    {
        var targets = (JsonSerializer.Deserialize<Dictionary<string, TargetsJson>>(Targets, SlaJson.Options) ?? []).ToDictionary(
            t => Enum.Parse<Priority>(t.Key),
            t => new PriorityTargets(SlaJson.Duration.Parse(t.Value.Response).Value, SlaJson.Duration.Parse(t.Value.Resolution).Value));
        return new SlaPolicy(Id, Name, CalendarId, targets);
    }

    private sealed record TargetsJson(string Response, string Resolution);
}

internal static class SlaJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    public static readonly LocalTimePattern Time = LocalTimePattern.ExtendedIso;
    public static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    public static readonly DurationPattern Duration = DurationPattern.Roundtrip;
}

internal sealed class SlaCalendarMapping : IEntityTypeConfiguration<SlaCalendarRow>
{
    public void Configure(EntityTypeBuilder<SlaCalendarRow> b)
    {
        b.ToTable("sla_calendars");
        b.HasKey(c => c.Id);
    }
}

internal sealed class SlaPolicyMapping : IEntityTypeConfiguration<SlaPolicyRow>
{
    public void Configure(EntityTypeBuilder<SlaPolicyRow> b)
    {
        b.ToTable("sla_policies");
        b.HasKey(p => p.Id);
    }
}
