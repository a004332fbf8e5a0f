using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Flows;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Storage.Flows;

internal sealed class ConversationFlowMapping : IEntityTypeConfiguration<ConversationFlowState>
{
    public void Configure(EntityTypeBuilder<ConversationFlowState> b)
    {
        b.ToTable("conversation_flows");
        b.HasKey(s => s.ConversationKey);
        b.Property(s => s.Flow).HasConversion<string>();
        b.Property(s => s.Step).HasConversion<string>();
        // A small record read and written whole: one JSON column, compared by content.
        b.Property(s => s.Data)
            .HasConversion(d => FlowDataJson.Write(d), json => FlowDataJson.Read(json),
                new ValueComparer<FlowData>((x, y) => FlowDataJson.Write(x!) == FlowDataJson.Write(y!), d => FlowDataJson.Write(d).GetHashCode(StringComparison.Ordinal), d => d))
            .IsRequired();
        // Two turns of one conversation at once: the second runs again on the first one's step.
        b.Property(s => s.Version).IsConcurrencyToken();
        // Stale flows are swept by age.
        b.HasIndex(s => s.UpdatedAt);
    }
}

internal static class FlowDataJson
{
    public static string Write(FlowData data) => JsonSerializer.Serialize(data, FlowDataJsonContext.Default.FlowData);

    // A row written by a newer version may carry fields this one does not know: they are ignored, never fatal.
    public static FlowData Read(string json) => JsonSerializer.Deserialize(json, FlowDataJsonContext.Default.FlowData) ?? FlowData.Empty;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(JsonStringEnumConverter<TicketKind>), typeof(JsonStringEnumConverter<Impact>), typeof(JsonStringEnumConverter<Urgency>)])]
[JsonSerializable(typeof(FlowData))]
internal sealed partial class FlowDataJsonContext : JsonSerializerContext;
