using System.Globalization;
using ServiceDesk.Cards.Localization;

namespace ServiceDesk.Cards.Reports;

/// <summary>
/// Numbers as each language writes them ("87,5 %" / "87.5%", "1.250" / "1,250"), with the separators
/// from the catalog rather than CultureInfo, so every host prints the same (ICU versions differ).
/// </summary>
public static class ReportNumbers
{
    public static string Count(Texts texts, long value)
    {
        var digits = Math.Abs(value).ToString("#,0", CultureInfo.InvariantCulture).Replace(",", texts["report.thousandsSeparator"], StringComparison.Ordinal);
        return value < 0 ? "−" + digits : digits;
    }

    public static string Decimal(Texts texts, double value, int decimals = 1)
    {
        var invariant = Math.Abs(value).ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
        // Swap through a placeholder so "1,234.5" becomes "1.234,5" without the two replacements colliding.
        var local = invariant.Replace(",", "\u0001", StringComparison.Ordinal)
            .Replace(".", texts["report.decimalSeparator"], StringComparison.Ordinal)
            .Replace("\u0001", texts["report.thousandsSeparator"], StringComparison.Ordinal);
        return value < 0 && Math.Round(Math.Abs(value), decimals) > 0 ? "−" + local : local;
    }

    /// <summary>A share (0..1) as a percentage with one decimal.</summary>
    public static string Percent(Texts texts, double share) => texts.Format("report.percent", ("value", Decimal(texts, share * 100)));

    /// <summary>"▲ +3", "▼ −5,0 p. p.", "= igual"; <paramref name="show"/> writes the size of the change.</summary>
    public static string Change(Texts texts, double delta, Func<double, string> show, double epsilon = 1e-9)
    {
        if (Math.Abs(delta) <= epsilon) return texts["report.same"];
        var size = show(Math.Abs(delta));
        return delta > 0
            ? texts.Format("report.up", ("delta", "+" + size))
            : texts.Format("report.down", ("delta", "−" + size));
    }
}
