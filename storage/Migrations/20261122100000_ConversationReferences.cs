using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>Conversation references (IConversationReferenceRepository) and processed activities (IProcessedActivities).</summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122100000_ConversationReferences")]
public sealed class ConversationReferences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "conversation_references",
            columns: c => new
            {
                key = c.Column<string>(type: t.Text, nullable: false),
                channel_id = c.Column<string>(type: t.Text, nullable: false),
                type = c.Column<string>(type: t.Text, nullable: false),
                conversation_id = c.Column<string>(type: t.Text, nullable: true),
                service_url = c.Column<string>(type: t.Text, nullable: false),
                tenant_id = c.Column<string>(type: t.Text, nullable: true),
                bot_id = c.Column<string>(type: t.Text, nullable: true),
                bot_name = c.Column<string>(type: t.Text, nullable: true),
                user_id = c.Column<string>(type: t.Text, nullable: true),
                user_aad_object_id = c.Column<string>(type: t.Text, nullable: true),
                user_name = c.Column<string>(type: t.Text, nullable: true),
                team_id = c.Column<string>(type: t.Text, nullable: true),
                team_name = c.Column<string>(type: t.Text, nullable: true),
                team_channel_id = c.Column<string>(type: t.Text, nullable: true),
                locale = c.Column<string>(type: t.Text, nullable: true),
                first_seen_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                last_seen_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                installed_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                is_unreachable = c.Column<bool>(type: t.Bool, nullable: false),
                unreachable_reason = c.Column<string>(type: t.Text, nullable: true),
                unreachable_since = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                version = c.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_conversation_references", x => x.key));

        migrationBuilder.CreateTable(
            name: "processed_activities",
            columns: c => new
            {
                channel_id = c.Column<string>(type: t.Text, nullable: false),
                activity_id = c.Column<string>(type: t.Text, nullable: false),
                processed_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                response = c.Column<string>(type: t.Text, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_processed_activities", x => new { x.channel_id, x.activity_id }));

        migrationBuilder.CreateIndex("IX_conversation_references_user_aad_object_id", "conversation_references", "user_aad_object_id");
        migrationBuilder.CreateIndex("IX_conversation_references_type", "conversation_references", "type");
        migrationBuilder.CreateIndex("IX_processed_activities_processed_at", "processed_activities", "processed_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("processed_activities");
        migrationBuilder.DropTable("conversation_references");
    }
}
