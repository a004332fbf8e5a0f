using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Storage;

public sealed partial class ServiceDeskContext
{
    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();
}
