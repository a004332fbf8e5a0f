using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Storage.Migrations;

[DbContext(typeof(ServiceDeskContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var t = new StoreTypes(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "number_counters",
            columns: c => new
            {
                kind = c.Column<string>(type: t.Text, nullable: false),
                last_value = c.Column<long>(type: t.Long, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_number_counters", x => x.kind));

        migrationBuilder.CreateTable(
            name: "categories",
            columns: c => new
            {
                key = c.Column<string>(type: t.Text, nullable: false),
                default_kind = c.Column<string>(type: t.Text, nullable: false),
                default_group = c.Column<string>(type: t.Text, nullable: false),
                service_key = c.Column<string>(type: t.Text, nullable: true),
                keywords_es = c.Column<string>(type: t.TextList, nullable: false),
                keywords_en = c.Column<string>(type: t.TextList, nullable: false),
                name_en = c.Column<string>(type: t.Text, nullable: false),
                name_es = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_categories", x => x.key));

        migrationBuilder.CreateTable(
            name: "services",
            columns: c => new
            {
                key = c.Column<string>(type: t.Text, nullable: false),
                owner_group = c.Column<string>(type: t.Text, nullable: false),
                sla_policy_key = c.Column<string>(type: t.Text, nullable: true),
                subscribers = c.Column<string>(type: t.TextList, nullable: false),
                name_en = c.Column<string>(type: t.Text, nullable: false),
                name_es = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_services", x => x.key));

        migrationBuilder.CreateTable(
            name: "people",
            columns: c => new
            {
                key = c.Column<string>(type: t.Text, nullable: false),
                display_name = c.Column<string>(type: t.Text, nullable: false),
                email = c.Column<string>(type: t.Text, nullable: false),
                aad_object_id = c.Column<string>(type: t.Text, nullable: true),
                slack_user_id = c.Column<string>(type: t.Text, nullable: true),
                tenant_id = c.Column<string>(type: t.Text, nullable: true),
                locale = c.Column<string>(type: t.Text, nullable: true),
                roles = c.Column<int>(type: t.Int, nullable: false),
                groups = c.Column<string>(type: t.TextList, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_people", x => x.key));

        migrationBuilder.CreateTable(
            name: "support_groups",
            columns: c => new
            {
                name = c.Column<string>(type: t.Text, nullable: false),
                level = c.Column<int>(type: t.Int, nullable: false),
                locale = c.Column<string>(type: t.Text, nullable: false),
                requires_closure_approval = c.Column<bool>(type: t.Bool, nullable: false),
                triage_channel_id = c.Column<string>(type: t.Text, nullable: true),
                triage_conversation_id = c.Column<string>(type: t.Text, nullable: true),
                triage_service_url = c.Column<string>(type: t.Text, nullable: true),
                triage_tenant_id = c.Column<string>(type: t.Text, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_support_groups", x => x.name));

        migrationBuilder.CreateTable(
            name: "problems",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                sequence = c.Column<long>(type: t.Long, nullable: false),
                title = c.Column<string>(type: t.Text, nullable: false),
                description = c.Column<string>(type: t.Text, nullable: false),
                owner_group = c.Column<string>(type: t.Text, nullable: false),
                status = c.Column<string>(type: t.Text, nullable: false),
                workaround = c.Column<string>(type: t.Text, nullable: true),
                root_cause = c.Column<string>(type: t.Text, nullable: true),
                opened_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                resolved_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                version = c.Column<int>(type: t.Int, nullable: false),
                linked_incidents = c.Column<string>(type: t.GuidList, nullable: false),
                opened_by_display_name = c.Column<string>(type: t.Text, nullable: false),
                opened_by_key = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_problems", x => x.id));

        migrationBuilder.CreateTable(
            name: "tickets",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                sequence = c.Column<long>(type: t.Long, nullable: false),
                kind = c.Column<string>(type: t.Text, nullable: false),
                title = c.Column<string>(type: t.Text, nullable: false),
                description = c.Column<string>(type: t.Text, nullable: false),
                impact = c.Column<string>(type: t.Text, nullable: false),
                urgency = c.Column<string>(type: t.Text, nullable: false),
                priority = c.Column<int>(type: t.Int, nullable: false),
                is_major = c.Column<bool>(type: t.Bool, nullable: false),
                category_key = c.Column<string>(type: t.Text, nullable: true),
                service_key = c.Column<string>(type: t.Text, nullable: true),
                support_group = c.Column<string>(type: t.Text, nullable: false),
                level = c.Column<int>(type: t.Int, nullable: false),
                status = c.Column<string>(type: t.Text, nullable: false),
                created_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                resolved_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                closed_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                problem_id = c.Column<Guid>(type: t.Guid, nullable: true),
                version = c.Column<int>(type: t.Int, nullable: false),
                assignee_display_name = c.Column<string>(type: t.Text, nullable: true),
                assignee_key = c.Column<string>(type: t.Text, nullable: true),
                requester_department = c.Column<string>(type: t.Text, nullable: true),
                requester_display_name = c.Column<string>(type: t.Text, nullable: false),
                requester_email = c.Column<string>(type: t.Text, nullable: true),
                requester_key = c.Column<string>(type: t.Text, nullable: false),
                requester_locale = c.Column<string>(type: t.Text, nullable: false),
                resolution_code = c.Column<string>(type: t.Text, nullable: true),
                resolution_is_workaround = c.Column<bool>(type: t.Bool, nullable: true),
                resolution_notes = c.Column<string>(type: t.Text, nullable: true),
                resolution_reusable_as_knowledge = c.Column<bool>(type: t.Bool, nullable: true),
                sla_calendar_key = c.Column<string>(type: t.Text, nullable: false),
                sla_policy_key = c.Column<string>(type: t.Text, nullable: false),
                sla_resolution = c.Column<TimeSpan>(type: t.Duration, nullable: false),
                sla_response = c.Column<TimeSpan>(type: t.Duration, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_tickets", x => x.id);
                table.ForeignKey("FK_tickets_problems_problem_id", x => x.problem_id, "problems", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ticket_events",
            columns: c => new
            {
                sequence = c.Column<int>(type: t.Int, nullable: false),
                ticket_id = c.Column<Guid>(type: t.Guid, nullable: false),
                type = c.Column<string>(type: t.Text, nullable: false),
                at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                from_status = c.Column<string>(type: t.Text, nullable: true),
                to_status = c.Column<string>(type: t.Text, nullable: true),
                from_level = c.Column<int>(type: t.Int, nullable: true),
                to_level = c.Column<int>(type: t.Int, nullable: true),
                support_group = c.Column<string>(type: t.Text, nullable: true),
                text = c.Column<string>(type: t.Text, nullable: true),
                actor_display_name = c.Column<string>(type: t.Text, nullable: false),
                actor_key = c.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ticket_events", x => new { x.ticket_id, x.sequence });
                table.ForeignKey("FK_ticket_events_tickets_ticket_id", x => x.ticket_id, "tickets", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "surveys",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                ticket_id = c.Column<Guid>(type: t.Guid, nullable: false),
                requester_key = c.Column<string>(type: t.Text, nullable: false),
                sent_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                answered_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                rating = c.Column<int>(type: t.Int, nullable: true),
                comment = c.Column<string>(type: t.Text, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_surveys", x => x.id);
                table.ForeignKey("FK_surveys_tickets_ticket_id", x => x.ticket_id, "tickets", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: c => new
            {
                id = c.Column<Guid>(type: t.Guid, nullable: false),
                destination = c.Column<string>(type: t.Text, nullable: false),
                operation = c.Column<string>(type: t.Text, nullable: false),
                payload = c.Column<string>(type: t.Text, nullable: false),
                target_message_id = c.Column<string>(type: t.Text, nullable: true),
                correlation_key = c.Column<string>(type: t.Text, nullable: true),
                state = c.Column<string>(type: t.Text, nullable: false),
                attempts = c.Column<int>(type: t.Int, nullable: false),
                created_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                next_attempt_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: false),
                sent_at = c.Column<DateTimeOffset>(type: t.Instant, nullable: true),
                sent_message_id = c.Column<string>(type: t.Text, nullable: true),
                last_error = c.Column<string>(type: t.Text, nullable: true),
                enqueue_order = c.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_outbox_messages", x => x.id));

        migrationBuilder.CreateIndex("IX_people_aad_object_id", "people", "aad_object_id", unique: true);
        migrationBuilder.CreateIndex("IX_people_slack_user_id", "people", "slack_user_id", unique: true);
        migrationBuilder.CreateIndex("IX_problems_sequence", "problems", "sequence", unique: true);
        migrationBuilder.CreateIndex("IX_problems_status", "problems", "status");
        migrationBuilder.CreateIndex("IX_tickets_kind_sequence", "tickets", ["kind", "sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_tickets_support_group_status", "tickets", ["support_group", "status"]);
        migrationBuilder.CreateIndex("IX_tickets_status", "tickets", "status");
        migrationBuilder.CreateIndex("IX_tickets_created_at", "tickets", "created_at");
        migrationBuilder.CreateIndex("IX_tickets_problem_id", "tickets", "problem_id");
        // Not expressible in the EF 10 model (a complex-type column); "my tickets" reads by it.
        migrationBuilder.CreateIndex("IX_tickets_requester_key", "tickets", "requester_key");
        migrationBuilder.CreateIndex("IX_ticket_events_at", "ticket_events", "at");
        migrationBuilder.CreateIndex("IX_surveys_ticket_id", "surveys", "ticket_id");
        migrationBuilder.CreateIndex("IX_surveys_sent_at", "surveys", "sent_at");
        migrationBuilder.CreateIndex("IX_surveys_answered_at", "surveys", "answered_at");
        migrationBuilder.CreateIndex("IX_outbox_messages_state_next_attempt_at", "outbox_messages", ["state", "next_attempt_at"]);
        migrationBuilder.CreateIndex("IX_outbox_messages_correlation_key", "outbox_messages", "correlation_key");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("outbox_messages");
        migrationBuilder.DropTable("surveys");
        migrationBuilder.DropTable("ticket_events");
        migrationBuilder.DropTable("tickets");
        migrationBuilder.DropTable("problems");
        migrationBuilder.DropTable("support_groups");
        migrationBuilder.DropTable("people");
        migrationBuilder.DropTable("services");
        migrationBuilder.DropTable("categories");
        migrationBuilder.DropTable("number_counters");
    }
}
