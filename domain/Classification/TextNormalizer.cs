using System.Globalization;
using System.Text;

namespace ServiceDesk.Domain.Classification;

public enum TextLanguage { Unknown, Spanish, English }

/// <summary>A word of the text as folded ("impresoras") and the stem the classifier counts ("impresor").</summary>
public sealed record NormalizedToken(string Word, string Stem);

/// <param name="Words">Every folded word in order, stop words included: cue phrases are matched on these.</param>
/// <param name="Tokens">The words that count for classification: no stop words, no numbers, no single letters.</param>
/// <param name="Questions">The folded words of each sentence asked as a question ("¿…?", "…?").</param>
public sealed record NormalizedText(IReadOnlyList<string> Words, IReadOnlyList<NormalizedToken> Tokens, TextLanguage Language,
    IReadOnlyList<IReadOnlyList<string>> Questions)
{
    /// <summary>The words joined by single spaces and padded, so " no funciona " finds whole words only.</summary>
    public string Phrase { get; } = " " + string.Join(' ', Words) + " ";

    public bool Says(string foldedPhrase) => Says(Phrase, foldedPhrase);

    /// <summary>Whether the padded <paramref name="phrase"/> has <paramref name="foldedPhrase"/> as whole words (no string built per cue).</summary>
    internal static bool Says(string phrase, string foldedPhrase)
    {
        var at = phrase.IndexOf(foldedPhrase, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + foldedPhrase.Length;
            if (at > 0 && phrase[at - 1] == ' ' && end < phrase.Length && phrase[end] == ' ') return true;
            at = phrase.IndexOf(foldedPhrase, at + 1, StringComparison.Ordinal);
        }
        return false;
    }
}

/// <summary>
/// Lowercase, accents folded (á→a, ñ→n, ü→u), apostrophes and in-word hyphens joined ("can't"→"cant",
/// "e-mail"→"email", so the ways people type a word meet), everything else splits words.
/// </summary>
public sealed class TextNormalizer
{
    private static readonly HashSet<string> SpanishOnly = StopWords.Spanish.Except(StopWords.English).ToHashSet();
    private static readonly HashSet<string> EnglishOnly = StopWords.English.Except(StopWords.Spanish).ToHashSet();

    private readonly HashSet<string> _keptWords;

    public static TextNormalizer Default { get; } = new([]);

    /// <param name="keptWords">
    /// Words that count although they are stop words: the catalog names "cómo" and "how" as keywords
    /// of the how-to category, and what the catalog names must reach the classifier.
    /// </param>
    public TextNormalizer(IEnumerable<string> keptWords)
    {
        _keptWords = keptWords.SelectMany(Words).ToHashSet(StringComparer.Ordinal);
    }

    public NormalizedText Normalize(string text)
    {
        var words = Words(text);
        var tokens = words
            .Where((w, i) => w.Length > 1 && !w.All(char.IsAsciiDigit) && (Kept(w, i > 0 ? words[i - 1] : null) || !StopWords.Contains(w)))
            .Select(w => new NormalizedToken(w, LightStemmer.Stem(w)))
            .ToList();
        return new NormalizedText(words, tokens, GuessLanguage(words), Questions(text));
    }

    // "No puedo" opens incidents, not how-to questions: a kept stop word after "no" is dropped like any other.
    private bool Kept(string word, string? previous) => _keptWords.Contains(word) && previous != "no";

    private static List<IReadOnlyList<string>> Questions(string text)
    {
        var questions = new List<IReadOnlyList<string>>();
        var start = 0;
        var opened = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c is not ('.' or '!' or '?' or '¿' or '¡' or '\n')) continue;
            if (opened || c == '?')
            {
                var words = Words(text[start..i]);
                if (words.Count > 0) questions.Add(words);
            }
            opened = c == '¿';
            start = i + 1;
        }
        return questions;
    }

    /// <summary>The folded words of a text, stop words included.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (c is '\'' or '-' && word.Length > 0 && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1]))
            {
                // Joined, not split: "can't" and "cant", "wi-fi" and "wifi" are the same word to the desk.
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>Lowercase without diacritics; typographic apostrophes become plain ones.</summary>
    public static string Fold(string text)
    {
        // Plain ASCII has no accents to drop: lowercase is all (most of what people type, and all of the catalog).
        if (System.Text.Ascii.IsValid(text))
        {
            var lower = text.ToLowerInvariant();
            return lower.Contains('`') ? lower.Replace('`', '\'') : lower;
        }
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c is '\u2019' or '\u2018' or '`' or '\u00b4' ? '\'' : c);
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whichever language has more stop words in the text that the other language lacks.</summary>
    public static TextLanguage GuessLanguage(IEnumerable<string> foldedWords)
    {
        int spanish = 0, english = 0;
        foreach (var word in foldedWords)
        {
            if (SpanishOnly.Contains(word)) spanish++;
            else if (EnglishOnly.Contains(word)) english++;
        }
        return spanish > english ? TextLanguage.Spanish : english > spanish ? TextLanguage.English : TextLanguage.Unknown;
    }
}
