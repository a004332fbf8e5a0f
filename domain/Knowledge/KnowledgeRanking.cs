using System.Text;
using System.Text.RegularExpressions;

namespace ServiceDesk.Domain.Knowledge;

/// <summary>
/// What the desk adds to the engine's text relevance, the same on every provider: the category the
/// conversation is about, and what earlier readers said about the article.
/// </summary>
public static class KnowledgeRanking
{
    /// <summary>A guessed category lifts its articles without hiding the others: the guess may be wrong.</summary>
    public const double CategoryBoost = 1.5;

    public static double Adjust(double textScore, KnowledgeArticle article, string? categoryKey)
    {
        var score = textScore * FeedbackFactor(article.HelpfulCount, article.NotHelpfulCount);
        return categoryKey is not null && article.CategoryKey == categoryKey ? score * CategoryBoost : score;
    }

    /// <summary>
    /// 0.75 to 1.25, exactly 1 without feedback: the share of "this solved it" with one vote of each
    /// assumed (Laplace), so a single click moves an article only a little.
    /// </summary>
    public static double FeedbackFactor(int helpful, int notHelpful) =>
        0.75 + 0.5 * (helpful + 1.0) / (helpful + notHelpful + 2.0);
}

/// <summary>The part of an article's body that shows why it matched: the passage with the most query terms.</summary>
public static partial class KnowledgeSnippet
{
    public const int DefaultLength = 200;
    private const string Ellipsis = "…";

    public static string For(string body, KnowledgeQuery query, int maxLength = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        var passages = Passages().Split(body).Select(p => Whitespace().Replace(p, " ").Trim()).Where(p => p.Length > 0).ToList();
        if (passages.Count == 0) return "";

        var best = 0;
        var bestCount = 0;
        for (var i = 0; i < passages.Count; i++)
        {
            var words = KnowledgeQuery.Words(passages[i]).ToList();
            var count = query.Terms.Count(t => words.Any(t.Matches));
            if (count > bestCount) (best, bestCount) = (i, count);
        }

        var text = new StringBuilder(best > 0 ? Ellipsis : "");
        for (var i = best; i < passages.Count && text.Length < maxLength; i++)
        {
            if (i > best) text.Append(' ');
            text.Append(passages[i]);
        }
        if (text.Length <= maxLength) return text.ToString();
        var cut = text.ToString(0, maxLength - 1);
        var space = cut.LastIndexOf(' ');
        return (space > maxLength / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':') + Ellipsis;
    }

    // Lines, and sentences within them (not after a step number such as "1.").
    [GeneratedRegex(@"\r?\n|(?<=[^\d\s][.!?])\s+")]
    private static partial Regex Passages();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
