using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>Outage and security notices: the outage, its updates, who said "I'm affected", and each recipient's delivery.</summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122100020_Outages")]
public sealed class Outages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "outages",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                service_key = c.Column<string>(type: t.Text, nullable: false),
                title = c.Column<string>(type: t.Text, nullable: false),
                message = c.Column<string>(type: t.Text, nullable: false),
                severity = c.Column<string>(type: t.Text, nullable: false),
                audience = c.Column<string>(type: t.Text, nullable: false),
                departments = c.Column<string>(type: t.TextList, nullable: false),
                starts_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                status = c.Column<string>(type: t.Text, nullable: false),
                declared_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                published_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                ended_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                major_incident_id = c.Column<Guid>(type: t.Guid, nullable: true),
                version = c.Column<int>(type: t.Int, nullable: false),
                declared_by_display_name = c.Column<string>(type: t.Text, nullable: false),
                declared_by_key = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_outages", x => x.id));
        migrationBuilder.CreateIndex("IX_outages_major_incident_id", "outages", "major_incident_id");
        migrationBuilder.CreateIndex("IX_outages_status", "outages", "status");

        migrationBuilder.CreateTable(
            name: "outage_updates",
            columns: c => new
            {
                sequence = c.Column<int>(type: t.Int, nullable: false),
                outage_id = c.Column<Guid>(type: t.Guid, nullable: false),
                text = c.Column<string>(type: t.Text, nullable: false),
                at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                by_key = c.Column<string>(type: t.Text, nullable: false),
                by_name = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_outage_updates", x => new { x.outage_id, x.sequence });
                table.ForeignKey("FK_outage_updates_outages_outage_id", x => x.outage_id, "outages", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "outage_affected",
            columns: c => new
            {
                person_key = c.Column<string>(type: t.Text, nullable: false),
                outage_id = c.Column<Guid>(type: t.Guid, nullable: false),
                ticket_id = c.Column<Guid>(type: t.Guid, nullable: false),
                at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_outage_affected", x => new { x.outage_id, x.person_key });
                table.ForeignKey("FK_outage_affected_outages_outage_id", x => x.outage_id, "outages", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "outage_recipients",
            columns: c => new
            {
                outage_id = c.Column<Guid>(type: t.Guid, nullable: false),
                reference_key = c.Column<string>(type: t.Text, nullable: false),
                locale = c.Column<string>(type: t.Text, nullable: true),
                state = c.Column<string>(type: t.Text, nullable: false),
                changed_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                error = c.Column<string>(type: t.Text, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_outage_recipients", x => new { x.outage_id, x.reference_key });
                table.ForeignKey("FK_outage_recipients_outages_outage_id", x => x.outage_id, "outages", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_outage_recipients_outage_id_state", "outage_recipients", ["outage_id", "state"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("outage_recipients");
        migrationBuilder.DropTable("outage_affected");
        migrationBuilder.DropTable("outage_updates");
        migrationBuilder.DropTable("outages");
    }
}
