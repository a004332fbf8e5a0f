using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Outbox;

namespace ServiceDesk.Storage.Outbox;

internal sealed class OutboxMapping : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>Enqueue order within one unit of work, which shares one CreatedAt.</summary>
    public const string EnqueueOrder = "EnqueueOrder";
    /// <summary>Which claim holds the message (one dispatcher on one instance sends it); null when none.</summary>
    public const string LeaseToken = "LeaseToken";
    /// <summary>Until when the claim holds; a dispatcher that died lets it lapse and another takes over.</summary>
    public const string LeaseUntil = "LeaseUntil";

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
        // Leases are the dispatcher's business, not the domain's: shadow properties.
        b.Property<Guid?>(LeaseToken);
        b.Property<DateTimeOffset?>(LeaseUntil);
        // "Is there an older pending message for this conversation?" keeps per-conversation order.
        b.HasIndex(m => new { m.Destination, m.State, m.CreatedAt });
    }
}
