using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>The person's time zone on personal conversation references (ConversationReference.TimeZone).</summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122100040_ConversationTimeZone")]
public sealed class ConversationTimeZone : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);
        migrationBuilder.AddColumn<string>("time_zone", "conversation_references", type: t.Text, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("time_zone", "conversation_references");
}
