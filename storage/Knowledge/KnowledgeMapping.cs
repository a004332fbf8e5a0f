using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Storage.Knowledge;

internal sealed class KnowledgeMapping : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("knowledge_articles");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Ignore(a => a.IsPublished);
        b.Property(a => a.Source).HasConversion<string>();
        b.Property(a => a.State).HasConversion<string>();
        b.Property(a => a.Version).IsConcurrencyToken();

        b.HasIndex(a => a.Key).IsUnique();
        b.HasIndex(a => a.SourceTicketId).IsUnique();
        b.HasIndex(a => new { a.Language, a.State });
        // The search index (an FTS5 table on SQLite, a generated tsvector column on PostgreSQL) is
        // not part of the model: it lives in the migration (20261122000020_Knowledge).
    }
}
