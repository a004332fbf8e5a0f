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
