using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

/// <summary>Claims on outbox messages (IOutboxQueue), so that with several instances each message is sent by one.</summary>
[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122100001_OutboxLeases")]
public sealed class OutboxLeases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);
        migrationBuilder.AddColumn<Guid>("lease_token", "outbox_messages", type: t.Guid, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("lease_until", "outbox_messages", type: t.Instant, nullable: true);
        migrationBuilder.CreateIndex("IX_outbox_messages_destination_state_created_at", "outbox_messages", ["destination", "state", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_outbox_messages_destination_state_created_at", "outbox_messages");
        migrationBuilder.DropColumn("lease_until", "outbox_messages");
        migrationBuilder.DropColumn("lease_token", "outbox_messages");
    }
}
