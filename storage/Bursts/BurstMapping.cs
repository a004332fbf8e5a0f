using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Bursts;

namespace ServiceDesk.Storage.Bursts;

internal sealed class BurstMapping : IEntityTypeConfiguration<Burst>
{
    public void Configure(EntityTypeBuilder<Burst> b)
    {
        b.ToTable("bursts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasConversion<string>();
        b.Property(x => x.Version).IsConcurrencyToken();
        // A list column (JSON on SQLite, uuid[] on PostgreSQL): a burst holds a handful of tickets, read whole.
        b.PrimitiveCollection(x => x.Tickets).HasField("_tickets").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.PrimitiveCollection(x => x.ShownIn).HasField("_shownIn").UsePropertyAccessMode(PropertyAccessMode.Field);
        // Two writers that saw the same burst at once (two instances, a retried follow-up) cannot both offer it.
        b.HasIndex(x => x.SeedTicketId).IsUnique();
        // What each new ticket of a service looks up.
        b.HasIndex(x => new { x.ServiceKey, x.LastTicketAt });
    }
}
