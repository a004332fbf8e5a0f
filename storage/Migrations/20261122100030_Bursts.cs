using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>
/// Bursts of similar tickets offered to the coordinators (one offer per burst, kept across restarts), and
/// the index each new ticket's burst check reads: a service's tickets of the last minutes.
/// </summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122100030_Bursts")]
public sealed class Bursts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "bursts",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                service_key = c.Column<string>(type: t.Text, nullable: false),
                category_key = c.Column<string>(type: t.Text, nullable: true),
                state = c.Column<string>(type: t.Text, nullable: false),
                seed_ticket_id = c.Column<Guid>(type: t.Guid, nullable: false),
                tickets = c.Column<string>(type: t.GuidList, nullable: false),
                first_ticket_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                last_ticket_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                offered_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                suggested_major_id = c.Column<Guid>(type: t.Guid, nullable: false),
                major_incident_id = c.Column<Guid>(type: t.Guid, nullable: true),
                decided_by_key = c.Column<string>(type: t.Text, nullable: true),
                decided_by_name = c.Column<string>(type: t.Text, nullable: true),
                decided_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                message = c.Column<string>(type: t.Text, nullable: true),
                notified = c.Column<int>(type: t.Int, nullable: false),
                linked_later = c.Column<int>(type: t.Int, nullable: false),
                shown_in = c.Column<string>(type: t.TextList, nullable: false),
                version = c.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_bursts", x => x.id));
        migrationBuilder.CreateIndex("IX_bursts_seed_ticket_id", "bursts", "seed_ticket_id", unique: true);
        migrationBuilder.CreateIndex("IX_bursts_service_key_last_ticket_at", "bursts", ["service_key", "last_ticket_at"]);
        migrationBuilder.CreateIndex("IX_tickets_service_key_created_at", "tickets", ["service_key", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_tickets_service_key_created_at", "tickets");
        migrationBuilder.DropTable("bursts");
    }
}
