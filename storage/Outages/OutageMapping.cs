using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Storage.Outages;

internal sealed class OutageMapping : IEntityTypeConfiguration<Outage>
{
    public void Configure(EntityTypeBuilder<Outage> b)
    {
        b.ToTable("outages");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Severity).HasConversion<string>();
        b.Property(o => o.Audience).HasConversion<string>();
        b.Property(o => o.Status).HasConversion<string>();
        b.ComplexProperty(o => o.DeclaredBy);
        // Publishing, updates and "I'm affected" race across turns, jobs and instances: the second writer retries on what the first left.
        b.Property(o => o.Version).IsConcurrencyToken();
        b.PrimitiveCollection(o => o.Departments).HasField("_departments").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(o => o.LastUpdate);
        b.Ignore(o => o.WasPublished);

        b.OwnsMany(o => o.Updates, u =>
        {
            u.ToTable("outage_updates");
            u.WithOwner().HasForeignKey("OutageId");
            u.HasKey("OutageId", nameof(OutageUpdate.Sequence));
            u.Property(x => x.Sequence).ValueGeneratedNever();
            u.Ignore(x => x.By);
        });
        b.Navigation(o => o.Updates).HasField("_updates").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(o => o.Affected, a =>
        {
            a.ToTable("outage_affected");
            a.WithOwner().HasForeignKey("OutageId");
            // One row per person and outage: a second "I'm affected" can never become a second ticket.
            a.HasKey("OutageId", nameof(OutageAffected.PersonKey));
        });
        b.Navigation(o => o.Affected).HasField("_affected").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasIndex(o => o.Status);
        b.HasIndex(o => o.MajorIncidentId);
    }
}

internal sealed class OutageRecipientMapping : IEntityTypeConfiguration<OutageRecipient>
{
    public void Configure(EntityTypeBuilder<OutageRecipient> b)
    {
        b.ToTable("outage_recipients");
        // One notice per conversation and outage, also when a publish is retried.
        b.HasKey(r => new { r.OutageId, r.ReferenceKey });
        b.Property(r => r.State).HasConversion<string>();
        b.Ignore(r => r.CanBeEdited);
        b.HasOne<Outage>().WithMany().HasForeignKey(r => r.OutageId).OnDelete(DeleteBehavior.Cascade);
        // Progress is counted by state.
        b.HasIndex(r => new { r.OutageId, r.State });
    }
}
