using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Forms.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class DecisionNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "decision_notice_id",
                schema: "forms",
                table: "case_history",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "decision_notices",
                schema: "forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_notices_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "forms",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_history_decision_notice_id",
                schema: "forms",
                table: "case_history",
                column: "decision_notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_notices_application_id",
                schema: "forms",
                table: "decision_notices",
                column: "application_id");

            migrationBuilder.AddForeignKey(
                name: "fk_case_history_decision_notices_decision_notice_id",
                schema: "forms",
                table: "case_history",
                column: "decision_notice_id",
                principalSchema: "forms",
                principalTable: "decision_notices",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // A notice is issued once and never changed: the database refuses to alter or remove one,
            // as for the case history (the retention purge alone may delete, with the same switch).
            migrationBuilder.Sql("""
                CREATE FUNCTION forms.decision_notices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('egov.retention_purge', true) = 'on' THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'forms.decision_notices is immutable: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
                END;
                $$;

                CREATE TRIGGER decision_notices_immutable
                    BEFORE UPDATE OR DELETE ON forms.decision_notices
                    FOR EACH ROW EXECUTE FUNCTION forms.decision_notices_immutable();

                CREATE TRIGGER decision_notices_no_truncate
                    BEFORE TRUNCATE ON forms.decision_notices
                    FOR EACH STATEMENT EXECUTE FUNCTION forms.decision_notices_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS decision_notices_no_truncate ON forms.decision_notices; DROP TRIGGER IF EXISTS decision_notices_immutable ON forms.decision_notices; DROP FUNCTION IF EXISTS forms.decision_notices_immutable();");

            migrationBuilder.DropForeignKey(
                name: "fk_case_history_decision_notices_decision_notice_id",
                schema: "forms",
                table: "case_history");

            migrationBuilder.DropTable(
                name: "decision_notices",
                schema: "forms");

            migrationBuilder.DropIndex(
                name: "ix_case_history_decision_notice_id",
                schema: "forms",
                table: "case_history");

            migrationBuilder.DropColumn(
                name: "decision_notice_id",
                schema: "forms",
                table: "case_history");
        }
    }
}
