using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Storage.Catalog;

internal sealed class ServiceMapping : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("services");
        b.HasKey(s => s.Key);
        b.ComplexProperty(s => s.Name);
        // Subscribers are person keys read with their service (outage audience): a list column.
        b.PrimitiveCollection(s => s.Subscribers).HasField("_subscribers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CategoryMapping : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("categories");
        b.HasKey(c => c.Key);
        b.ComplexProperty(c => c.Name);
        b.PrimitiveCollection(c => c.KeywordsEs);
        b.PrimitiveCollection(c => c.KeywordsEn);
    }
}
