using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>
/// Where each conversation stands in a multi-step flow (IConversationFlowRepository), and what the
/// ticket classifier learned from the desk (IClassifierExampleStore).
/// </summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122000030_ConversationFlows")]
public sealed class ConversationFlows : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "conversation_flows",
            columns: c => new
            {
                conversation_key = c.Column<string>(type: t.Text, nullable: false),
                flow = c.Column<string>(type: t.Text, nullable: false),
                step = c.Column<string>(type: t.Text, nullable: false),
                data = c.Column<string>(type: t.Text, nullable: false),
                started_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                updated_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                version = c.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_conversation_flows", x => x.conversation_key));
        migrationBuilder.CreateIndex("IX_conversation_flows_updated_at", "conversation_flows", "updated_at");

        migrationBuilder.CreateTable(
            name: "classifier_examples",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                text = c.Column<string>(type: t.Text, nullable: false),
                category_key = c.Column<string>(type: t.Text, nullable: false),
                weight = c.Column<double>(type: migrationBuilder.IsNpgsql() ? "double precision" : "REAL", nullable: false),
                learned_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_classifier_examples", x => x.id));
        migrationBuilder.CreateIndex("IX_classifier_examples_learned_at", "classifier_examples", "learned_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("classifier_examples");
        migrationBuilder.DropTable("conversation_flows");
    }
}
