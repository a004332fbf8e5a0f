using System.Collections.Frozen;
using System.Text;

namespace ServiceDesk.Cards.Localization;

/// <summary>
/// Every user-visible string of the cards in one language, looked up by key
/// (<c>Texts.For(locale, defaultLocale)["ticket.claim"]</c>). Templates name their placeholders
/// (<c>"Claimed by {name}"</c>) because word order differs between the languages.
/// </summary>
public sealed partial class Texts
{
    private readonly FrozenDictionary<string, string> _entries;

    private Texts(Language language, FrozenDictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
    }

    public static Texts Spanish { get; } = new(Language.Spanish, SpanishCatalog.Entries);
    public static Texts English { get; } = new(Language.English, EnglishCatalog.Entries);

    public static Texts For(Language language) => language switch
    {
        Language.Spanish => Spanish,
        Language.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <param name="defaultLocale">The host's <c>ServiceDesk:DefaultLocale</c>, for locales that are neither Spanish nor English.</param>
    public static Texts For(string? locale, string defaultLocale) => For(Languages.Resolve(locale, defaultLocale));

    public Language Language { get; }

    public string LanguageCode => Language.Code();

    /// <summary>The whole catalog, for completeness checks and tools.</summary>
    public IReadOnlyDictionary<string, string> Entries => _entries;

    public string this[string key] =>
        _entries.TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"The {LanguageCode} catalog has no text '{key}'.");

    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>The template of <paramref name="key"/> with its <c>{placeholders}</c> filled.</summary>
    /// <exception cref="FormatException">A placeholder of the template has no value.</exception>
    public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var template = this[key];
        var result = new StringBuilder(template.Length + 32);
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            if (open < 0)
            {
                result.Append(template, index, template.Length - index);
                break;
            }
            var close = template.IndexOf('}', open + 1);
            if (close < 0) throw new FormatException($"Text '{key}' ({LanguageCode}) has an unclosed placeholder.");
            result.Append(template, index, open - index);
            var name = template[(open + 1)..close];
            result.Append(ValueOf(name, values) ?? throw new FormatException($"Text '{key}' ({LanguageCode}) needs a value for {{{name}}}."));
            index = close + 1;
        }
        return result.ToString();
    }

    // For texts that may open with a placeholder ("{target} target breached" → "First response target breached").
    public string Sentence(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = Format(key, values);
        return text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>The placeholder names of a template, in order: both languages must use the same set.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template)
    {
        var names = new List<string>();
        for (var open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0) break;
            names.Add(template[(open + 1)..close]);
        }
        return names;
    }

    private static string? ValueOf(string name, ReadOnlySpan<(string Name, string Value)> values)
    {
        foreach (var (n, v) in values)
            if (string.Equals(n, name, StringComparison.Ordinal)) return v;
        return null;
    }
}
