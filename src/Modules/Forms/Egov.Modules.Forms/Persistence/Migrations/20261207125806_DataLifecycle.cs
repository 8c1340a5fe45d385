using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Forms.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class DataLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lock_owner",
                schema: "forms",
                table: "attachments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "forms",
                table: "attachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scan_signature",
                schema: "forms",
                table: "attachments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scan_status",
                schema: "forms",
                table: "attachments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Unscanned");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "scanned_at",
                schema: "forms",
                table: "attachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "legal_hold_reason",
                schema: "forms",
                table: "applications",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "legal_hold_since",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lock_owner",
                schema: "forms",
                table: "applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "personal_data_removed_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retention_due_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            // Cases closed before closed_at existed: their closing is the last move to Closed in the history.
            migrationBuilder.Sql("""
                UPDATE forms.applications a SET closed_at = (
                    SELECT max(h.occurred_at) FROM forms.case_history h WHERE h.application_id = a.id AND h.to_status = 'Closed')
                WHERE a.status = 'Closed';
                """);

            migrationBuilder.CreateTable(
                name: "deletion_records",
                schema: "forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    form_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    removed = table.Column<string>(type: "jsonb", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deletion_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_pending_scan",
                schema: "forms",
                table: "attachments",
                column: "uploaded_at",
                filter: "scan_status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_applications_retention_due",
                schema: "forms",
                table: "applications",
                column: "retention_due_at",
                filter: "status = 'Closed' AND personal_data_removed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_applications_unsubmitted_updated_at",
                schema: "forms",
                table: "applications",
                column: "updated_at",
                filter: "submitted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deletion_records_application_id_action",
                schema: "forms",
                table: "deletion_records",
                columns: new[] { "application_id", "action" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deletion_records_deleted_at",
                schema: "forms",
                table: "deletion_records",
                column: "deleted_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deletion_records",
                schema: "forms");

            migrationBuilder.DropIndex(
                name: "ix_attachments_pending_scan",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropIndex(
                name: "ix_applications_retention_due",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_unsubmitted_updated_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "lock_owner",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "scan_signature",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "scan_status",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "scanned_at",
                schema: "forms",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "closed_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "legal_hold_reason",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "legal_hold_since",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "lock_owner",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "personal_data_removed_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "retention_due_at",
                schema: "forms",
                table: "applications");
        }
    }
}
