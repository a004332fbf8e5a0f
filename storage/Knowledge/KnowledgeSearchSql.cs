using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Storage.Knowledge;

internal sealed record RankedArticle(Guid Id, double Score);

/// <summary>
/// The full-text query of each provider. Terms are letters and digits only (KnowledgeQuery), and
/// each is still quoted as a literal of the engine's query language: user text is never syntax.
/// Any term matches (OR); the engine's relevance ranks. Title matches weigh more than body matches.
/// </summary>
internal static class KnowledgeSearchSql
{
    public static IQueryable<RankedArticle> For(ServiceDeskContext db, KnowledgeQuery query, string language, int take)
    {
        var published = nameof(KnowledgeState.Published);
        if (db.IsSqlite)
        {
            var match = Fts5(query);
            // bm25 weighs each column (article_id, title, body; 0 for the unindexed id) and is
            // lower-is-better: negated, so every provider's score is higher-is-better.
            return db.Database.SqlQuery<RankedArticle>($$"""
                SELECT a.id AS "Id", -bm25(knowledge_fts, 0.0, 3.0, 1.0) AS "Score"
                FROM knowledge_fts JOIN knowledge_articles a ON a.id = knowledge_fts.article_id
                WHERE knowledge_fts MATCH {{match}} AND a.language = {{language}} AND a.state = {{published}}
                ORDER BY bm25(knowledge_fts, 0.0, 3.0, 1.0) LIMIT {{take}}
                """);
        }
        var tsquery = TsQuery(query);
        // ts_rank, not ts_rank_cd: cover density rewards every repetition of one word alike (it is
        // made for proximity of AND and phrase queries); ts_rank gives each further occurrence of a
        // word less, as bm25 does, so matching more of the words wins. On the starter articles it
        // puts the expected answer first more often and agrees with SQLite's order more often.
        // Weights are {D, C, B, A}; normalization 1 divides by 1 + log(length).
        return db.Database.SqlQuery<RankedArticle>($$"""
            SELECT a.id AS "Id", ts_rank('{0.1, 0.2, 0.4, 1.0}'::float4[], a.search_vector, q, 1)::float8 AS "Score"
            FROM knowledge_articles a, to_tsquery('simple'::regconfig, {{tsquery}}) q
            WHERE a.search_vector @@ q AND a.language = {{language}} AND a.state = {{published}}
            ORDER BY 2 DESC LIMIT {{take}}
            """);
    }

    /// <summary>"impresor"* OR "vpn": FTS5 strings, double quotes doubled.</summary>
    public static string Fts5(KnowledgeQuery query) => string.Join(" OR ",
        query.Terms.Select(t => "\"" + t.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.IsPrefix ? "*" : "")));

    /// <summary>'impresor':* | 'vpn': tsquery literals, quotes and backslashes escaped.</summary>
    public static string TsQuery(KnowledgeQuery query) => string.Join(" | ",
        query.Terms.Select(t => "'" + t.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'" + (t.IsPrefix ? ":*" : "")));
}
