using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Forms.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications",
                schema: "forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    applicant_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reference_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    creation_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    submission_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_sequences",
                schema: "forms",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_sequences", x => x.year);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_applicant_subject_created_at",
                schema: "forms",
                table: "applications",
                columns: new[] { "applicant_subject", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_applicant_subject_creation_key",
                schema: "forms",
                table: "applications",
                columns: new[] { "applicant_subject", "creation_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_reference_number",
                schema: "forms",
                table: "applications",
                column: "reference_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applications",
                schema: "forms");

            migrationBuilder.DropTable(
                name: "reference_sequences",
                schema: "forms");
        }
    }
}
