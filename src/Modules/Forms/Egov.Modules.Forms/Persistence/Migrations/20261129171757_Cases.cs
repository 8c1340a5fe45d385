using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Forms.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "information_request_id",
                schema: "forms",
                table: "attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "status",
                schema: "forms",
                table: "applications",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);

            migrationBuilder.AddColumn<string>(
                name: "applicant_email",
                schema: "forms",
                table: "applications",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applicant_language",
                schema: "forms",
                table: "applications",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "de");

            migrationBuilder.AddColumn<string>(
                name: "applicant_name",
                schema: "forms",
                table: "applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assignee_name",
                schema: "forms",
                table: "applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assignee_subject",
                schema: "forms",
                table: "applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "clock_stopped_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_reason",
                schema: "forms",
                table: "applications",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "department",
                schema: "forms",
                table: "applications",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "history_length",
                schema: "forms",
                table: "applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                schema: "forms",
                table: "applications",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_access_log",
                schema: "forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    resource = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_history",
                schema: "forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    from_status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    to_status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    actor_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    by_applicant = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    assignee_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    assignee_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    visible_to_applicant = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_history_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "forms",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_messages",
                schema: "forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from_applicant = table.Column<bool>(type: "boolean", nullable: false),
                    @internal = table.Column<bool>(name: "internal", type: "boolean", nullable: false),
                    body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    information_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_messages_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "forms",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "information_requests",
                schema: "forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    answer_by = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_requests_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "forms",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_members",
                schema: "forms",
                columns: table => new
                {
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    departments = table.Column<List<string>>(type: "text[]", nullable: false),
                    can_handle_cases = table.Column<bool>(type: "boolean", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.subject);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_information_request_id",
                schema: "forms",
                table: "attachments",
                column: "information_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_department_due_at",
                schema: "forms",
                table: "applications",
                columns: new[] { "department", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_department_submitted_at_id",
                schema: "forms",
                table: "applications",
                columns: new[] { "department", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_access_log_actor_subject_at",
                schema: "forms",
                table: "case_access_log",
                columns: new[] { "actor_subject", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_access_log_application_id_at",
                schema: "forms",
                table: "case_access_log",
                columns: new[] { "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_history_application_id_sequence",
                schema: "forms",
                table: "case_history",
                columns: new[] { "application_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_messages_application_id_created_at",
                schema: "forms",
                table: "case_messages",
                columns: new[] { "application_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_application_id",
                schema: "forms",
                table: "information_requests",
                column: "application_id");

            migrationBuilder.AddForeignKey(
                name: "fk_attachments_information_requests_information_request_id",
                schema: "forms",
                table: "attachments",
                column: "information_request_id",
                principalSchema: "forms",
                principalTable: "information_requests",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Applications submitted before case handling existed become cases of their form's
            // department, with a due date and the submission as the first history entry.
            migrationBuilder.Sql("""
                UPDATE forms.applications a
                SET department = v.content ->> 'department',
                    due_at = a.submitted_at + make_interval(days => (v.content ->> 'processingDeadlineDays')::int),
                    search_text = lower(a.reference_number),
                    history_length = 1
                FROM forms.form_versions v
                WHERE v.form_definition_id = a.form_id AND v.number = a.form_version AND a.submitted_at IS NOT NULL;

                INSERT INTO forms.case_history (id, application_id, sequence, occurred_at, kind, from_status, to_status, actor_subject, actor_name, by_applicant, visible_to_applicant)
                SELECT gen_random_uuid(), a.id, 1, a.submitted_at, 'StatusChanged', 'Draft', 'Submitted', a.applicant_subject, '', true, true
                FROM forms.applications a
                WHERE a.submitted_at IS NOT NULL;
                """);

            // The history is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION forms.case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Only the retention purge (deleting whole cases after their retention period,
                    -- GDPR Art. 5(1)(e)) may delete, and says so with SET LOCAL egov.retention_purge = 'on'.
                    IF TG_OP = 'DELETE' AND current_setting('egov.retention_purge', true) = 'on' THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'forms.case_history is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
                END;
                $$;

                CREATE TRIGGER case_history_append_only
                    BEFORE UPDATE OR DELETE ON forms.case_history
                    FOR EACH ROW EXECUTE FUNCTION forms.case_history_append_only();

                CREATE TRIGGER case_history_no_truncate
                    BEFORE TRUNCATE ON forms.case_history
                    FOR EACH STATEMENT EXECUTE FUNCTION forms.case_history_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS case_history_no_truncate ON forms.case_history; DROP TRIGGER IF EXISTS case_history_append_only ON forms.case_history; DROP FUNCTION IF EXISTS forms.case_history_append_only();");

            migrationBuilder.DropForeignKey(
                name: "fk_attachments_information_requests_information_request_id",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropTable(
                name: "case_access_log",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "case_history",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "case_messages",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "information_requests",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "staff_members",
                schema: "forms");

            migrationBuilder.DropIndex(
                name: "ix_attachments_information_request_id",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropIndex(
                name: "ix_applications_department_due_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_department_submitted_at_id",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "information_request_id",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "applicant_email",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "applicant_language",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "applicant_name",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "assignee_name",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "assignee_subject",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "clock_stopped_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "decided_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "decision_reason",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "department",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "due_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "history_length",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "search_text",
                schema: "forms",
                table: "applications");

            migrationBuilder.AlterColumn<string>(
                name: "status",
                schema: "forms",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);
        }
    }
}
