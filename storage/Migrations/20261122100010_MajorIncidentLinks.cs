using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>Incidents linked to the major incident they are part of (Ticket.LinkToMajorIncident).</summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122100010_MajorIncidentLinks")]
public sealed class MajorIncidentLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);
        migrationBuilder.AddColumn<Guid>("major_incident_id", "tickets", type: t.Guid, nullable: true);
        migrationBuilder.CreateIndex("IX_tickets_major_incident_id", "tickets", "major_incident_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_tickets_major_incident_id", "tickets");
        migrationBuilder.DropColumn("major_incident_id", "tickets");
    }
}
