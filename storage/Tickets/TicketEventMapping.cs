using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
        UseFactoryWithoutActor(b.Metadata);
    }

    // TicketEvent is a positional record whose only constructor takes the Actor value object, and
    // EF cannot bind a complex property to a constructor parameter. We point EF at a factory that
    // takes the scalar columns and leaves Actor to be set afterwards like any other property.
    // The binding can only be set through EF's internal metadata API (EF1001); a private
    // parameterless constructor on TicketEvent would make this unnecessary.
    private static void UseFactoryWithoutActor(IMutableEntityType entity)
    {
        var factory = typeof(TicketEventFactory).GetMethod(nameof(TicketEventFactory.Create), BindingFlags.Public | BindingFlags.Static)!;
        var bindings = factory.GetParameters()
            .Select(p => (ParameterBinding)new PropertyParameterBinding(
                (IProperty)(entity.FindProperty(char.ToUpperInvariant(p.Name![0]) + p.Name[1..])
                    ?? throw new InvalidOperationException($"TicketEvent has no mapped property for '{p.Name}'."))))
            .ToList();
#pragma warning disable EF1001
        ((Microsoft.EntityFrameworkCore.Metadata.Internal.EntityType)entity).SetConstructorBinding(
            new FactoryMethodBinding(factory, bindings, typeof(TicketEvent)), ConfigurationSource.Explicit);
#pragma warning restore EF1001
    }
}

internal static class TicketEventFactory
{
    public static TicketEvent Create(int sequence, TicketEventType type, DateTimeOffset at, TicketStatus? fromStatus, TicketStatus? toStatus,
        SupportLevel? fromLevel, SupportLevel? toLevel, string? group, string? text) =>
        new(sequence, type, at, PersonRef.System, fromStatus, toStatus, fromLevel, toLevel, group, text);
}
