using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Tickets;

/// <summary>The append-only log: one row per event, keyed by (ticket, sequence).</summary>
internal sealed class TicketEventMapping : IEntityTypeConfiguration<TicketEvent>
{
    public const string TicketId = "TicketId";

    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("ticket_events");
        b.Property<Guid>(TicketId);
        b.HasKey(TicketId, nameof(TicketEvent.Sequence));
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Group).HasColumnName("support_group");
        b.ComplexProperty(e => e.Actor);
        b.HasIndex(e => e.At);
    }
}
