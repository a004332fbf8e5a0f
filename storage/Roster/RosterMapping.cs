using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Storage.Roster;

internal sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.HasKey(p => p.Key);
        b.PrimitiveCollection(p => p.Groups);
        // Roles is a [Flags] enum: an integer column, so "has role" is a bitwise test in SQL.
        b.Property(p => p.Roles).HasConversion<int>();
        // A channel identity must lead to one person, or authorization would be ambiguous.
        b.HasIndex(p => p.AadObjectId).IsUnique();
        b.HasIndex(p => p.SlackUserId).IsUnique();
    }
}

internal sealed class SupportGroupMapping : IEntityTypeConfiguration<SupportGroup>
{
    public void Configure(EntityTypeBuilder<SupportGroup> b)
    {
        b.ToTable("support_groups");
        b.HasKey(g => g.Name);
        b.ComplexProperty(g => g.TriageChannel, c =>
        {
            c.Property(a => a.ChannelId).HasColumnName("triage_channel_id");
            c.Property(a => a.ConversationId).HasColumnName("triage_conversation_id");
            c.Property(a => a.ServiceUrl).HasColumnName("triage_service_url");
            c.Property(a => a.TenantId).HasColumnName("triage_tenant_id");
        });
    }
}
