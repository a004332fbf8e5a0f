namespace ServiceDesk.Domain.Knowledge;

/// <param name="Score">Higher is better; comparable within one result list only (each engine ranks on its own scale).</param>
/// <param name="Snippet">A short passage of the body that matched, plain text.</param>
public sealed record KnowledgeHit(KnowledgeArticle Article, double Score, string Snippet);

/// <summary>
/// Knowledge articles and the search that offers them. Changes are saved by the unit of work; the
/// search index follows in the same transaction, so an article is findable exactly when it is saved.
/// </summary>
public interface IKnowledgeBase
{
    void Add(KnowledgeArticle article);

    Task<KnowledgeArticle?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>The article taken from a ticket, so a ticket resolved twice does not become two articles.</summary>
    Task<KnowledgeArticle?> FindBySourceTicketAsync(Guid ticketId, CancellationToken ct = default);

    Task<bool> IsEmptyAsync(CancellationToken ct = default);

    /// <summary>
    /// Published articles in <paramref name="language"/> (a language or a locale: "es", "es-ES") that
    /// match any word of <paramref name="query"/>, best first. Any text is a valid query; one without
    /// searchable words finds nothing. Articles in <paramref name="categoryKey"/> rank higher.
    /// </summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, string language, string? categoryKey, int take, CancellationToken ct = default);

    /// <summary>
    /// Puts the search index back in its fastest shape after articles were added in bulk (SQLite's FTS5 keeps one
    /// segment per write, and a search visits every segment: twelve seeded articles made searches 4× slower).
    /// Its own transaction; nothing to do where the engine keeps its index compact itself.
    /// </summary>
    Task CompactIndexAsync(CancellationToken ct = default);

    /// <summary>Counts the reader's verdict on the tracked article; the unit of work saves it.</summary>
    /// <exception cref="DomainException">knowledge.notFound, or knowledge.retired for an article no longer offered.</exception>
    Task RecordFeedbackAsync(Guid articleId, KnowledgeFeedback feedback, CancellationToken ct = default);
}
