using System.Globalization;
using System.Text;

namespace ServiceDesk.Domain.Knowledge;

/// <summary>A word to look for: folded, and either whole or the start of words ("impresor" finds "impresoras").</summary>
public sealed record KnowledgeTerm(string Text, bool IsPrefix)
{
    public bool Matches(string foldedWord) =>
        IsPrefix ? foldedWord.StartsWith(Text, StringComparison.Ordinal) : foldedWord == Text;
}

/// <summary>
/// What a person typed, reduced to search terms. User text never reaches a full-text engine as
/// syntax: it is split into words of letters and digits, which each provider quotes in its own
/// way and ORs together. Words are folded the way both indexes fold them (lowercase, no accents,
/// hyphens dropped so "Wi-Fi" is "wifi"); stop words go; longer words lose a plural or a verb
/// ending and become prefixes, so "conectarme" finds "conecta" and "printers" finds "printing".
/// </summary>
public sealed class KnowledgeQuery
{
    public const int MaxTerms = 16;
    private const int MaxInput = 2_000;
    private const int MaxWord = 40;
    private const int MinPrefix = 4;
    private const int MinStemmed = 6;

    private KnowledgeQuery(IReadOnlyList<KnowledgeTerm> terms) => Terms = terms;

    public IReadOnlyList<KnowledgeTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static KnowledgeQuery Parse(string? text)
    {
        var terms = new List<KnowledgeTerm>();
        if (string.IsNullOrWhiteSpace(text)) return new KnowledgeQuery(terms);
        foreach (var word in Words(text.Length > MaxInput ? text[..MaxInput] : text))
        {
            if (word.Length < 2 || word.Length > MaxWord || StopWords.Contains(word)) continue;
            var stem = Stem(word);
            var term = new KnowledgeTerm(stem, stem.Length >= MinPrefix);
            if (terms.Contains(term)) continue;
            terms.Add(term);
            if (terms.Count == MaxTerms) break;
        }
        return new KnowledgeQuery(terms);
    }

    /// <summary>Lowercase without diacritics (á→a, ñ→n, ü→u).</summary>
    public static string Fold(string text)
    {
        var decomposed = WithoutLoneSurrogates(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    // Normalize refuses broken UTF-16, which user text may carry; half a character is no letter anyway.
    private static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (paired && clean is null) continue;
            clean ??= new StringBuilder(text, 0, i, text.Length);
            clean.Append(paired ? c : ' ');
        }
        return clean?.ToString() ?? text;
    }

    /// <summary>The folded words of a text as the indexes see them: hyphens dropped, anything else but letters and digits splits.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text.Replace("-", "", StringComparison.Ordinal));
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    // Longest first; the first that leaves at least MinPrefix letters wins. One list for both
    // languages: people mix them ("el outlook no sincroniza").
    private static readonly string[] Endings =
    [
        "aciones", "iciones", "mente", "acion", "icion", "ation", "iendo", "ando", "ados", "adas", "idos", "idas",
        "ado", "ada", "ido", "ida", "ing", "ion", "ar", "er", "ir", "an", "en", "ed", "ly", "a", "o", "e",
    ];

    // Pronouns Spanish glues to verbs: "conectarme", "instalarlo".
    private static readonly string[] Enclitics = ["nos", "me", "te", "se", "lo", "la", "le"];

    private static string Stem(string word)
    {
        if (word.Length <= MinPrefix || word.All(char.IsAsciiDigit)) return word;
        var stem = word;
        foreach (var pronoun in Enclitics)
        {
            if (stem.Length - pronoun.Length > MinPrefix && stem.EndsWith(pronoun, StringComparison.Ordinal)
                && stem[..^pronoun.Length] is var verb && (verb.EndsWith("ar", StringComparison.Ordinal) || verb.EndsWith("er", StringComparison.Ordinal) || verb.EndsWith("ir", StringComparison.Ordinal)))
            {
                stem = verb;
                break;
            }
        }
        if (stem.EndsWith("es", StringComparison.Ordinal) && stem.Length - 2 >= MinPrefix) stem = stem[..^2];
        // "access", "status", "analysis" end in s without being plurals.
        else if (stem.EndsWith('s') && stem.Length - 1 >= MinPrefix && stem[^2] is not ('s' or 'u' or 'i')) stem = stem[..^1];
        // Short words keep their endings: they are often names ("Visio" is not "visita").
        if (stem.Length < MinStemmed) return stem;
        foreach (var ending in Endings)
        {
            if (stem.Length - ending.Length < MinPrefix || !stem.EndsWith(ending, StringComparison.Ordinal)) continue;
            // "need", "speed": the e before "ed" belongs to the word.
            if (ending == "ed" && stem[^3] == 'e') continue;
            return stem[..^ending.Length];
        }
        return stem;
    }

    /// <summary>Words that say nothing about what is wrong or wanted, folded. Questions and courtesy included.</summary>
    private static class StopWords
    {
        private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
        {
            // Spanish
            "al", "algo", "ante", "aqui", "asi", "aun", "bien", "cada", "como", "con", "cual", "cuando", "de", "del", "desde",
            "donde", "el", "ella", "en", "entre", "era", "es", "esa", "ese", "eso", "esta", "estaba", "estan", "estoy", "este",
            "esto", "fue", "ha", "hay", "he", "hola", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "mis", "muy",
            "ni", "no", "nos", "otra", "otro", "para", "pero", "por", "porque", "puedo", "puede", "que", "quien", "se", "si",
            "sin", "sobre", "solo", "son", "su", "sus", "tambien", "te", "tengo", "tiene", "todo", "tu", "un", "una", "uno",
            "unos", "unas", "ya", "yo", "quiero", "necesito", "hago", "gracias", "favor", "ayuda", "buenas", "buenos", "dias",
            "hoy", "ahora", "va", "van", "voy", "hace",
            // English
            "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
            "cannot", "could", "did", "didn", "do", "does", "doesn", "don", "for", "from", "get", "got", "has", "have", "how",
            "if", "in", "into", "is", "isn", "it", "its", "just", "me", "my", "need", "not", "of", "on", "or", "our", "please",
            "so", "still", "that", "the", "their", "then", "there", "this", "to", "too", "up", "us", "want", "was", "wasn",
            "we", "what", "when", "where", "which", "who", "why", "will", "with", "won", "would", "you", "your", "hi", "hello",
            "thanks", "thank", "help", "today", "now", "anyone", "ve", "ll", "re",
        };

        public static bool Contains(string foldedWord) => Words.Contains(foldedWord);
    }
}
