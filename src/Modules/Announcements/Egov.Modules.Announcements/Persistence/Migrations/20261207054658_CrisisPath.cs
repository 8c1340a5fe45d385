using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Announcements.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class CrisisPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_templates",
                schema: "announcements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    author_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    approved_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "warning_imports",
                schema: "announcements",
                columns: table => new
                {
                    identifier = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    announcement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warning_imports", x => x.identifier);
                });

            migrationBuilder.CreateTable(
                name: "alert_template_issues",
                schema: "announcements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_revision = table.Column<int>(type: "integer", nullable: false),
                    announcement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    values = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_template_issues", x => x.id);
                    table.ForeignKey(
                        name: "fk_alert_template_issues_alert_templates_template_id",
                        column: x => x.template_id,
                        principalSchema: "announcements",
                        principalTable: "alert_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_alert_template_issues_announcements_announcement_id",
                        column: x => x.announcement_id,
                        principalSchema: "announcements",
                        principalTable: "announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_template_issues_announcement_id",
                schema: "announcements",
                table: "alert_template_issues",
                column: "announcement_id");

            migrationBuilder.CreateIndex(
                name: "ix_alert_template_issues_template_id_issued_at",
                schema: "announcements",
                table: "alert_template_issues",
                columns: new[] { "template_id", "issued_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_template_issues",
                schema: "announcements");

            migrationBuilder.DropTable(
                name: "warning_imports",
                schema: "announcements");

            migrationBuilder.DropTable(
                name: "alert_templates",
                schema: "announcements");
        }
    }
}
