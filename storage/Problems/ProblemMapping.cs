using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Storage.Problems;

internal sealed class ProblemMapping : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("problems");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Ignore(p => p.Number);
        b.Ignore(p => p.HasNumber);
        b.ComplexProperty(p => p.OpenedBy);
        b.Property(p => p.Version).IsConcurrencyToken();
        // A list column (JSON on SQLite, uuid[] on PostgreSQL): the link is owned by the problem
        // and tickets.problem_id already answers "which problem is this incident under".
        b.PrimitiveCollection(p => p.LinkedIncidents).HasField("_linkedIncidents").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => p.Sequence).IsUnique();
        b.HasIndex(p => p.Status);
    }
}
