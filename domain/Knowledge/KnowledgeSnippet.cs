using System.Text;
using System.Text.RegularExpressions;

namespace ServiceDesk.Domain.Knowledge;

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
