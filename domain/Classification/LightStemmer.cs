namespace ServiceDesk.Domain.Classification;

/// <summary>
/// A two-step suffix stripper for folded Spanish and English words, so "impresoras", "impresora"
/// and "printers", "printing", "printed" meet. Step 1 drops a plural, step 2 one verb or noun
/// ending. Both languages' suffixes apply to every word: tickets mix languages ("el outlook no
/// sincroniza") and a wrong language guess must not change the stems.
/// </summary>
public static class LightStemmer
{
    private const int MinimumStem = 3;

    // Longest first; the first that leaves a long enough stem wins.
    private static readonly string[] Endings =
    [
        "aciones", "iciones", "acion", "icion", "ation",
        "iendo", "ando", "ados", "adas", "idos", "idas", "amos", "emos", "imos",
        "ado", "ada", "ido", "ida", "ais", "eis", "ing",
        "ar", "er", "ir", "ed",
        "a", "o", "e",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= MinimumStem) return word;
        var stem = DropPlural(word);
        foreach (var ending in Endings)
        {
            if (stem.Length - ending.Length < MinimumStem || !stem.EndsWith(ending, StringComparison.Ordinal)) continue;
            // "need", "speed": the e before "ed" is part of the word.
            if (ending == "ed" && stem[^3] == 'e') continue;
            return stem[..^ending.Length];
        }
        return stem;
    }

    private static string DropPlural(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length - 3 >= MinimumStem) return word[..^3] + "y";
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length - 2 >= MinimumStem) return word[..^2];
        // "access", "status", "analysis" end in s without being plurals.
        if (word.EndsWith('s') && word.Length - 1 >= MinimumStem && word[^2] is not ('s' or 'u' or 'i')) return word[..^1];
        return word;
    }
}
