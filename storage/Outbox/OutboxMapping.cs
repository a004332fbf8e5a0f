using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Storage.Outbox;

internal sealed class OutboxMapping : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>Enqueue order within one unit of work, which shares one CreatedAt.</summary>
    public const string EnqueueOrder = "EnqueueOrder";

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property<int>(EnqueueOrder);
        // Every state change counts an attempt, so Attempts doubles as the version: two
        // dispatchers that picked the same message cannot both record a result.
        b.Property(m => m.Attempts).IsConcurrencyToken();
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
        b.HasIndex(m => m.CorrelationKey);
    }
}
