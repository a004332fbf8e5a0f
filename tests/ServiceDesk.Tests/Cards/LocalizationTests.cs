using System.Text.RegularExpressions;
using NodaTime;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Cards.CardFixtures;

namespace ServiceDesk.Tests.Cards;

public class LocalizationTests
{
    private static readonly Texts Es = Texts.Spanish;
    private static readonly Texts En = Texts.English;

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        var onlySpanish = Es.Entries.Keys.Except(En.Entries.Keys).Order().ToArray();
        var onlyEnglish = En.Entries.Keys.Except(Es.Entries.Keys).Order().ToArray();
        Assert.True(onlySpanish.Length == 0, "Only in Spanish: " + string.Join(", ", onlySpanish));
        Assert.True(onlyEnglish.Length == 0, "Only in English: " + string.Join(", ", onlyEnglish));
    }

    [Fact]
    public void Both_languages_fill_the_same_placeholders_and_no_text_is_blank()
    {
        Assert.All(Es.Entries.Keys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Es[key]), $"es {key} is blank");
            Assert.False(string.IsNullOrWhiteSpace(En[key]), $"en {key} is blank");
            Assert.Equal(Texts.PlaceholdersOf(Es[key]).Order(), Texts.PlaceholdersOf(En[key]).Order());
            Assert.Equal(Es[key].Count(c => c == '{'), Es[key].Count(c => c == '}'));
            Assert.Equal(En[key].Count(c => c == '{'), En[key].Count(c => c == '}'));
        });
    }

    [Fact]
    public void Only_layout_templates_read_the_same_in_both_languages()
    {
        // A text copied untranslated would pass every other check (and hide from the mixed-language
        // one, which ignores words both catalogs share). Layouts such as "{hours} h {minutes} min"
        // or "{level} · {group}" may be identical: outside their placeholders no word is 4+ letters.
        var copied = Es.Entries.Keys
            .Where(k => Es[k] == En[k])
            .Where(k => Regex.IsMatch(Regex.Replace(Es[k], @"\{[^}]+\}", " "), @"\p{L}{4,}"))
            .Order()
            .ToArray();
        Assert.True(copied.Length == 0, "Same text in both languages: " + string.Join(", ", copied));
        Assert.Contains("duration.hoursMinutes", Es.Entries.Keys.Where(k => Es[k] == En[k]));
    }

    [Fact]
    public void Every_value_of_every_localized_enum_has_a_name_in_both_languages()
    {
        foreach (var (type, prefix) in Texts.LocalizedEnums)
        foreach (var name in Enum.GetNames(type))
        {
            Assert.True(Es.Contains($"{prefix}.{name}"), $"es has no {prefix}.{name}");
            Assert.True(En.Contains($"{prefix}.{name}"), $"en has no {prefix}.{name}");
        }
    }

    [Theory]
    [InlineData("es-ES", "en-US", Language.Spanish)]
    [InlineData("es-MX", "en-US", Language.Spanish)]
    [InlineData("es", "en-US", Language.Spanish)]
    [InlineData("ES_es", "en-US", Language.Spanish)]
    [InlineData("en-US", "es-ES", Language.English)]
    [InlineData("en-GB", "es-ES", Language.English)]
    [InlineData("fr-FR", "es-ES", Language.Spanish)]
    [InlineData("fr-FR", "en-US", Language.English)]
    [InlineData("", "en-US", Language.English)]
    [InlineData(null, "es-ES", Language.Spanish)]
    [InlineData("estonian", "en-US", Language.English)] // not "es": the primary subtag must be exactly es
    public void Locales_fall_back_to_the_configured_default(string? locale, string defaultLocale, Language expected)
    {
        Assert.Equal(expected, Languages.Resolve(locale, defaultLocale));
        Assert.Equal(expected, Texts.For(locale, defaultLocale).Language);
    }

    [Fact]
    public void A_default_that_is_neither_language_is_a_configuration_error() =>
        Assert.Throws<ArgumentException>(() => Languages.Resolve("fr-FR", "pt-BR"));

    [Fact]
    public void A_missing_key_or_placeholder_value_fails_loudly()
    {
        var missing = Assert.Throws<KeyNotFoundException>(() => Es["ticket.nonsense"]);
        Assert.Contains("ticket.nonsense", missing.Message);
        Assert.Throws<FormatException>(() => En.Format("sla.left", ("left", "1 h")));
    }

    [Fact]
    public void Dates_read_in_the_readers_language_and_zone()
    {
        var at = Local("2026-11-16 10:00");
        Assert.Equal("lun 16 nov, 10:00", Es.DayAndTime(at, Madrid));
        Assert.Equal("Mon 16 Nov, 10:00", En.DayAndTime(at, Madrid));
        Assert.Equal("lun 16 nov, 01:00", Es.DayAndTime(at, DateTimeZoneProviders.Tzdb["America/Los_Angeles"]));
        Assert.Equal("Mon 16 Nov, 09:00", En.DayAndTime(at, DateTimeZoneProviders.Tzdb["Europe/London"]));
    }

    [Fact]
    public void Dates_show_the_year_only_when_it_is_not_the_current_one()
    {
        var newYear = Local("2027-01-01 09:30");
        Assert.Equal("vie 1 ene, 09:30", Es.DayAndTime(newYear, Madrid, Local("2027-01-01 08:00")));
        Assert.Equal("vie 1 ene 2027, 09:30", Es.DayAndTime(newYear, Madrid, Local("2026-12-30 08:00")));
        Assert.Equal("Fri 1 Jan 2027, 09:30", En.DayAndTime(newYear, Madrid, Local("2026-12-30 08:00")));
    }

    [Theory]
    [InlineData(0, 0, 0, "0 min", "0 min")]
    [InlineData(0, 0, 20, "1 min", "1 min")] // rounded up: never "0 min" before the deadline
    [InlineData(0, 45, 0, "45 min", "45 min")]
    [InlineData(3, 0, 0, "3 h", "3 h")]
    [InlineData(2, 30, 0, "2 h 30 min", "2 h 30 min")]
    [InlineData(26, 15, 0, "26 h 15 min", "26 h 15 min")]
    [InlineData(1, 59, 30, "2 h", "2 h")]
    public void Durations_are_hours_and_minutes(int hours, int minutes, int seconds, string spanish, string english)
    {
        var duration = Duration.FromHours(hours) + Duration.FromMinutes(minutes) + Duration.FromSeconds(seconds);
        Assert.Equal(spanish, Es.Duration(duration));
        Assert.Equal(english, En.Duration(duration));
    }

    [Fact]
    public void Business_durations_say_so()
    {
        var duration = Duration.FromHours(2) + Duration.FromMinutes(30);
        Assert.Equal("2 h 30 min laborables", Es.BusinessDuration(duration));
        Assert.Equal("2 h 30 min business time", En.BusinessDuration(duration));
        Assert.Throws<ArgumentOutOfRangeException>(() => En.Duration(Duration.FromMinutes(-1)));
    }

    [Fact]
    public void Enum_names_in_both_languages()
    {
        Assert.Equal(("Incidencia", "Incident"), (Es.Name(TicketKind.Incident), En.Name(TicketKind.Incident)));
        Assert.Equal(("En espera", "On hold"), (Es.Name(TicketStatus.Pending), En.Name(TicketStatus.Pending)));
        Assert.Equal(("P1 · Crítica", "P1 · Critical"), (Es.Name(Priority.P1), En.Name(Priority.P1)));
        Assert.Equal(("Nivel 2", "Level 2"), (Es.Name(SupportLevel.L2), En.Name(SupportLevel.L2)));
        Assert.Equal(("Solución temporal", "Workaround"), (Es.Name(ResolutionCode.Workaround), En.Name(ResolutionCode.Workaround)));
        Assert.Equal(("En riesgo", "At risk"), (Es.Name(SlaPhase.Warning), En.Name(SlaPhase.Warning)));
        Assert.Equal(("Alto", "Alta"), (Es.Name(Impact.High), Es.Name(Urgency.High))); // gender agrees with impacto / urgencia
        Assert.Throws<ArgumentOutOfRangeException>(() => En.Name((TicketStatus)99));
        Assert.Throws<ArgumentException>(() => En.Name(DayOfWeek.Monday));
    }

    [Theory]
    [InlineData("turn.notAvailable")]
    [InlineData("sla.notice.warning.title")]
    [InlineData("sla.notice.warning.text")]
    [InlineData("sla.notice.escalated.text")]
    [InlineData("sla.notice.coordinators.response")]
    [InlineData("sla.notice.coordinators.resolution")]
    [InlineData("sla.notice.reason")]
    public void Router_and_SLA_notice_texts_are_in_both_catalogs(string key)
    {
        Assert.True(Es.Contains(key), $"es has no {key}");
        Assert.True(En.Contains(key), $"en has no {key}");
    }

    [Fact]
    public void A_text_opening_with_a_placeholder_reads_as_a_sentence()
    {
        Assert.Equal("First response target breached", En.Sentence("sla.notice.reason", ("target", "first response")));
        Assert.Equal("Incumplido el plazo de resolución", Es.Sentence("sla.notice.reason", ("target", "resolución")));
    }
}
