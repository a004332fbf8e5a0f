namespace ServiceDesk.Cards.Localization;

/// <summary>The desk's two first-class languages.</summary>
public enum Language
{
    Spanish,
    English,
}

public static class Languages
{
    /// <summary>
    /// <c>es-*</c> reads Spanish, <c>en-*</c> English; any other (or no) locale gets the desk's
    /// default (<c>ServiceDesk:DefaultLocale</c>), which itself must be Spanish or English.
    /// </summary>
    public static Language Resolve(string? locale, string defaultLocale) =>
        TryParse(locale)
        ?? TryParse(defaultLocale)
        ?? throw new ArgumentException($"The default locale must be Spanish or English (es-*, en-*), not '{defaultLocale}'.", nameof(defaultLocale));

    public static Language? TryParse(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var primary = locale.Trim().Split('-', '_')[0];
        if (primary.Equals("es", StringComparison.OrdinalIgnoreCase)) return Language.Spanish;
        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase)) return Language.English;
        return null;
    }

    /// <summary>The ISO 639-1 code, as an Adaptive Card's <c>lang</c> wants it.</summary>
    public static string Code(this Language language) => language switch
    {
        Language.Spanish => "es",
        Language.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };
}
