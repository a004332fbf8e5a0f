using ServiceDesk.Domain.Classification;

namespace ServiceDesk.Domain.Bursts;

/// <summary>The stems a ticket is compared by: its title's, and its whole text's (title and description).</summary>
public sealed record TicketWords(IReadOnlySet<string> Title, IReadOnlySet<string> All)
{
    public static TicketWords Of(string title, string description)
    {
        var titleStems = Stems(title);
        var all = new HashSet<string>(titleStems, StringComparer.Ordinal);
        all.UnionWith(Stems(description));
        return new TicketWords(titleStems, all);
    }

    // The classifier's reading: folded, accent-free, stop words out, light stems ("conecta", "conectar" → "conect"),
    // with doubled letters single, so cognates of a mixed-language desk meet ("connect" → "conect", "error", "acces").
    private static HashSet<string> Stems(string text) =>
        TextNormalizer.Default.Normalize(text ?? "").Tokens.Select(t => Undoubled(t.Stem)).ToHashSet(StringComparer.Ordinal);

    private static string Undoubled(string stem)
    {
        var letters = new System.Text.StringBuilder(stem.Length);
        foreach (var c in stem)
            if (letters.Length == 0 || letters[^1] != c) letters.Append(c);
        return letters.ToString();
    }
}

/// <summary>
/// Whether two tickets report the same thing: the cosine of their stem sets, on the titles (what people
/// lead with) or on the whole texts (a long description must not dilute a matching title), whichever is
/// higher. Tickets of one service share its name ("vpn"), so one shared stem is not enough where both
/// say more than one thing.
/// </summary>
public static class TicketSimilarity
{
    public const double DefaultThreshold = 0.5;

    public static double Score(TicketWords a, TicketWords b) => Math.Max(Cosine(a.Title, b.Title), Cosine(a.All, b.All));

    public static bool AreSimilar(TicketWords a, TicketWords b, double threshold = DefaultThreshold) => Score(a, b) >= threshold;

    private static double Cosine(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        if (shared < Math.Min(2, Math.Min(a.Count, b.Count))) return 0;
        return shared / Math.Sqrt((double)a.Count * b.Count);
    }
}

/// <summary>
/// The burst rule between two tickets: the same service, the same category where both have one, and
/// similar words. Keeps each ticket's stems, so a ticket compared with many is read once.
/// </summary>
public sealed class SimilarTickets(double threshold = TicketSimilarity.DefaultThreshold)
{
    private readonly Dictionary<Guid, TicketWords> _words = [];

    public bool Related(BurstTicket a, BurstTicket b)
    {
        if (a.Id == b.Id) return true;
        if (a.ServiceKey is null || !string.Equals(a.ServiceKey, b.ServiceKey, StringComparison.OrdinalIgnoreCase)) return false;
        if (a.CategoryKey is not null && b.CategoryKey is not null && !string.Equals(a.CategoryKey, b.CategoryKey, StringComparison.OrdinalIgnoreCase))
            return false;
        return TicketSimilarity.AreSimilar(WordsOf(a), WordsOf(b), threshold);
    }

    private TicketWords WordsOf(BurstTicket ticket)
    {
        if (!_words.TryGetValue(ticket.Id, out var words))
            _words[ticket.Id] = words = TicketWords.Of(ticket.Title, ticket.Description);
        return words;
    }
}
