using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Storage.Numbering;

/// <summary>The last number handed out per kind (INC, REQ, INF, PRB). Written only by <see cref="NumberAllocator"/>.</summary>
public sealed class NumberCounter
{
    public string Kind { get; private set; } = "";
    public long LastValue { get; private set; }
}

internal sealed class NumberCounterMapping : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> b)
    {
        b.ToTable("number_counters");
        b.HasKey(c => c.Kind);
    }
}
