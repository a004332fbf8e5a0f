using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Tickets;

internal sealed class TicketMapping : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("tickets");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();

        // Derived from the event log or from other columns.
        b.Ignore(t => t.Number);
        b.Ignore(t => t.HasNumber);
        b.Ignore(t => t.LastEscalatedBy);
        b.Ignore(t => t.Escalations);
        b.Ignore(t => t.PendingReason);
        b.Ignore(t => t.NeverLeftFirstLevel);
        b.Ignore(t => t.FirstResponseAt);

        // "group" is an SQL keyword; a plain name keeps hand-written SQL simple.
        b.Property(t => t.Group).HasColumnName("support_group");

        // Value objects are complex types, not owned entities: the domain shares one PersonRef
        // instance between Assignee and events, which owned types (reference identity) refuse.
        b.ComplexProperty(t => t.Requester);
        b.ComplexProperty(t => t.Assignee);
        b.ComplexProperty(t => t.Resolution);
        b.ComplexProperty(t => t.Sla);

        // The domain bumps Version once per appended event; the UPDATE checks the value it read.
        b.Property(t => t.Version).IsConcurrencyToken();

        b.HasMany(t => t.Events).WithOne().HasForeignKey(TicketEventMapping.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasOne<Problem>().WithMany().HasForeignKey(t => t.ProblemId).OnDelete(DeleteBehavior.Restrict);

        b.HasIndex(t => new { t.Kind, t.Sequence }).IsUnique();
        b.HasIndex(t => new { t.Group, t.Status });
        b.HasIndex(t => t.Status);
        b.HasIndex(t => t.CreatedAt);
        // No foreign key: SQLite cannot add one to an existing table without rebuilding it.
        b.HasIndex(t => t.MajorIncidentId);
        // Burst detection reads one service's tickets of the last minutes after every registration.
        b.HasIndex(t => new { t.ServiceKey, t.CreatedAt });
        // requester_key is indexed too, but EF 10 cannot declare an index on a complex-type
        // column: that index lives in the migrations only (see Migrations/README.md).
    }
}
