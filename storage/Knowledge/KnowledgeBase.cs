using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Storage.Knowledge;

internal sealed class KnowledgeBase(ServiceDeskContext db) : IKnowledgeBase
{
    // The engine ranks this many candidates; the desk's own adjustments (category, feedback) then
    // reorder them, so an article just below the cut can still come first.
    private const int MinCandidates = 40;
    private const int MaxCandidates = 200;

    public void Add(KnowledgeArticle article) => db.KnowledgeArticles.Add(article);

    public Task<KnowledgeArticle?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct);

    public Task<KnowledgeArticle?> FindBySourceTicketAsync(Guid ticketId, CancellationToken ct = default) =>
        db.KnowledgeArticles.FirstOrDefaultAsync(a => a.SourceTicketId == ticketId, ct);

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        !await db.KnowledgeArticles.AnyAsync(ct);

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, string language, string? categoryKey, int take, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var parsed = KnowledgeQuery.Parse(query);
        if (parsed.IsEmpty) return [];

        var candidates = Math.Clamp(take * 4, MinCandidates, MaxCandidates);
        var ranked = await KnowledgeSearchSql.For(db, parsed, KnowledgeLanguage.Of(language), candidates).ToListAsync(ct);
        if (ranked.Count == 0) return [];

        var ids = ranked.Select(r => r.Id).ToList();
        var articles = await db.KnowledgeArticles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return ranked
            .Where(r => articles.ContainsKey(r.Id))
            .Select(r => (Article: articles[r.Id], Score: KnowledgeRanking.Adjust(r.Score, articles[r.Id], categoryKey)))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Article.Title, StringComparer.Ordinal)
            .ThenBy(h => h.Article.Id)
            .Take(take)
            .Select(h => new KnowledgeHit(h.Article, h.Score, KnowledgeSnippet.For(h.Article.Body, parsed)))
            .ToList();
    }

    public async Task CompactIndexAsync(CancellationToken ct = default)
    {
        // PostgreSQL's GIN index merges its pending entries itself (autovacuum).
        if (db.IsSqlite) await db.Database.ExecuteSqlRawAsync("INSERT INTO knowledge_fts(knowledge_fts) VALUES('optimize')", ct);
    }

    public async Task RecordFeedbackAsync(Guid articleId, KnowledgeFeedback feedback, CancellationToken ct = default)
    {
        var article = await FindAsync(articleId, ct)
            ?? throw new DomainException("knowledge.notFound", $"Knowledge article {articleId} does not exist.");
        article.Record(feedback);
    }
}
