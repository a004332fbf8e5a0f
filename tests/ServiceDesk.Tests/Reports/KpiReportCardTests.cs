using System.Text.Json;
using NodaTime;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Reports;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.AgentDesk.Support;
using ServiceDesk.Tests.Domain.Kpis;
using ServiceDesk.Tests.Schemas;

namespace ServiceDesk.Tests.Reports;

/// <summary>The KPI report card in both languages: valid Adaptive Cards 1.5, numbers written the reader's way, arrows against the period before.</summary>
public sealed class KpiReportCardTests
{
    private static readonly KpiPeriod Thursday = KpiPeriod.Day(new LocalDate(2026, 11, 19), KpiDesk.Madrid);
    private static readonly KpiPeriod Wednesday = KpiPeriod.Day(new LocalDate(2026, 11, 18), KpiDesk.Madrid);

    // Thursday: three resolved at level 1 in 1 h, 2 h and 3 h, and one escalated and resolved at level 2
    // in 6 h (3 of 4 at first level, mean 3 h). Wednesday: one resolved at level 1 in 4 h.
    internal static KpiReportView View()
    {
        var thursday = new List<Ticket>();
        foreach (var (hour, took) in new[] { (9, 1), (9, 2), (11, 3) })
        {
            var t = KpiDesk.Open($"2026-11-19T{hour:00}:00:00+01:00");
            t.Claim(KpiDesk.Ana, t.CreatedAt);
            t.Resolve(KpiDesk.Fixed, KpiDesk.Ana, t.CreatedAt.AddHours(took));
            thursday.Add(t);
        }
        var escalated = KpiDesk.Open("2026-11-19T10:00:00+01:00");
        escalated.Claim(KpiDesk.Ana, escalated.CreatedAt);
        escalated.Escalate(SupportLevel.L2, "specialists-L2", "network", KpiDesk.Ana, escalated.CreatedAt.AddMinutes(30));
        escalated.Claim(KpiDesk.Luis, escalated.CreatedAt.AddHours(1));
        escalated.Resolve(KpiDesk.Fixed, KpiDesk.Luis, escalated.CreatedAt.AddHours(6));
        thursday.Add(escalated);

        var wednesday = KpiDesk.Open("2026-11-18T09:00:00+01:00");
        wednesday.Claim(KpiDesk.Ana, wednesday.CreatedAt);
        wednesday.Resolve(KpiDesk.Fixed, KpiDesk.Ana, wednesday.CreatedAt.AddHours(4));

        var all = thursday.Append(wednesday).ToList();
        return new KpiReportView(KpiReportCadence.Daily,
            KpiCalculator.Compute(all, [], Thursday, KpiDesk.NoDue),
            KpiCalculator.Compute(all, [], Wednesday, KpiDesk.NoDue));
    }

    private static JsonElement Render(string locale) =>
        JsonSerializer.SerializeToElement(KpiReportCard.Render(View(),
            CardContext.For(locale, "es-ES", DateTimeZoneProviders.Tzdb[KpiDesk.Madrid], Instant.FromUtc(2026, 11, 20, 7, 0))));

    [Fact]
    public void The_card_is_valid_adaptive_cards_in_both_languages()
    {
        SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard, ("report-es.json", Render("es-ES").GetRawText()), ("report-en.json", Render("en-US").GetRawText()));
    }

    [Fact]
    public void Spanish_reads_commas_and_spaced_percentages_english_points()
    {
        var es = DeskTest.Words(Render("es-ES"));
        var en = DeskTest.Words(Render("en-US"));

        Assert.Contains("Informe diario de KPI · jue 19 nov 2026", es);
        Assert.Contains("Daily KPI report · Thu 19 Nov 2026", en);
        // 3 of 4 at first level, against 1 of 1 the day before: 25 points down.
        Assert.Contains("75,0 %   ▼ −25,0 p. p.", es);
        Assert.Contains("75.0%   ▼ −25.0 pts", en);
        // Created 4 against 1; mean time to resolve 3 h against 4 h.
        Assert.Contains("4   ▲ +3", en);
        Assert.Contains("3 h   ▼ −1 h", en);
        // Busiest hours: 09:00 (two tickets), then 10:00 and 11:00 (one each, the earlier first).
        Assert.Contains("09:00–10:00", en);
        Assert.True(en.IndexOf("10:00–11:00", StringComparison.Ordinal) < en.IndexOf("11:00–12:00", StringComparison.Ordinal));
        // No surveys either day: satisfaction reads as a dash, without an arrow.
        Assert.Contains("Satisfacción", es);
        Assert.DoesNotContain("★ (", es);
    }

    [Theory]
    [InlineData("es-ES", 12345, "12.345")]
    [InlineData("en-US", 12345, "12,345")]
    [InlineData("es-ES", 7, "7")]
    public void Counts_group_thousands_the_readers_way(string locale, int value, string expected) =>
        Assert.Equal(expected, ReportNumbers.Count(Texts.For(locale, "es-ES"), value));

    [Theory]
    [InlineData("es-ES", 1234.56, "1.234,6")]
    [InlineData("en-US", 1234.56, "1,234.6")]
    [InlineData("es-ES", 0.875, "87,5 %")]
    [InlineData("en-US", 0.875, "87.5%")]
    public void Decimals_and_percentages_use_the_readers_separators(string locale, double value, string expected)
    {
        var texts = Texts.For(locale, "es-ES");
        Assert.Equal(expected, expected.Contains('%') ? ReportNumbers.Percent(texts, value) : ReportNumbers.Decimal(texts, value));
    }
}
