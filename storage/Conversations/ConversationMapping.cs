using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Storage.Conversations;

internal sealed class ConversationReferenceMapping : IEntityTypeConfiguration<ConversationReference>
{
    public void Configure(EntityTypeBuilder<ConversationReference> b)
    {
        b.ToTable("conversation_references");
        b.HasKey(r => r.Key);
        // Two turns refreshing one reference at once: the second retries instead of overwriting (and welcoming twice).
        b.Property(r => r.Version).IsConcurrencyToken();
        // "Send to person P" finds their personal chat by the Entra id the roster holds.
        b.HasIndex(r => r.UserAadObjectId);
        b.HasIndex(r => r.Type);
    }
}

internal sealed class ProcessedActivityMapping : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> b)
    {
        b.ToTable("processed_activities");
        // The key is the de-duplication: a second insert of the same activity fails the whole unit of work.
        b.HasKey(a => new { a.ChannelId, a.ActivityId });
        b.HasIndex(a => a.ProcessedAt);
    }
}
