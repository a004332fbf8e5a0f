using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>Business calendars and SLA policies (ISlaRepository).</summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122000002_SlaCatalog")]
public sealed class SlaCatalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "sla_calendars",
            columns: c => new
            {
                id = c.Column<string>(type: t.Text, nullable: false),
                zone_id = c.Column<string>(type: t.Text, nullable: false),
                weekly_hours = c.Column<string>(type: t.Text, nullable: false),
                holidays = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_sla_calendars", x => x.id));

        migrationBuilder.CreateTable(
            name: "sla_policies",
            columns: c => new
            {
                id = c.Column<string>(type: t.Text, nullable: false),
                name = c.Column<string>(type: t.Text, nullable: false),
                calendar_id = c.Column<string>(type: t.Text, nullable: false),
                targets = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_sla_policies", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("sla_policies");
        migrationBuilder.DropTable("sla_calendars");
    }
}
