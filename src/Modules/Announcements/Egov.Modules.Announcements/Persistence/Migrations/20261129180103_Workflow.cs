using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Announcements.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Workflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "expires_at",
                schema: "announcements",
                table: "announcements",
                newName: "expire_at");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reviewed_at",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.RenameColumn(
                name: "body",
                schema: "announcements",
                table: "announcements",
                newName: "search_text");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "approved_at",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "approved_by_name",
                schema: "announcements",
                table: "announcements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "approved_by_subject",
                schema: "announcements",
                table: "announcements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "archived_at",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "author_name",
                schema: "announcements",
                table: "announcements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "author_subject",
                schema: "announcements",
                table: "announcements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "break_glass",
                schema: "announcements",
                table: "announcements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "content",
                schema: "announcements",
                table: "announcements",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"variants\":[],\"images\":[],\"links\":[]}'::jsonb");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "corrected_at",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "correction_note",
                schema: "announcements",
                table: "announcements",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expired_at",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "languages",
                schema: "announcements",
                table: "announcements",
                type: "text[]",
                nullable: false,
                defaultValueSql: "ARRAY[]::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "publish_at",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                schema: "announcements",
                table: "announcements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "slug",
                schema: "announcements",
                table: "announcements",
                type: "character varying(120)",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "superseded_by",
                schema: "announcements",
                table: "announcements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "announcements",
                table: "announcements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "announcement_revisions",
                schema: "announcements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    announcement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replaced_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_announcement_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_announcement_revisions_announcements_announcement_id",
                        column: x => x.announcement_id,
                        principalSchema: "announcements",
                        principalTable: "announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Rows from before the workflow: their German text becomes the German variant (shown as
            // escaped plain text until the next edit renders the Markdown), the id their slug.
            migrationBuilder.Sql("""
                UPDATE announcements.announcements SET
                    content = jsonb_build_object(
                        'variants', jsonb_build_array(jsonb_build_object(
                            'language', 'de', 'title', title, 'summary', summary, 'bodyMarkdown', search_text,
                            'bodyHtml', '<p>' || replace(replace(replace(search_text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>')),
                        'images', '[]'::jsonb, 'links', '[]'::jsonb),
                    slug = id::text,
                    languages = ARRAY['de'],
                    updated_at = created_at,
                    revision = 1,
                    version = 1
                WHERE slug = '';
                """);

            migrationBuilder.CreateIndex(
                name: "ix_announcements_slug",
                schema: "announcements",
                table: "announcements",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_announcements_status_expire_at",
                schema: "announcements",
                table: "announcements",
                columns: new[] { "status", "expire_at" });

            migrationBuilder.CreateIndex(
                name: "ix_announcements_status_publish_at",
                schema: "announcements",
                table: "announcements",
                columns: new[] { "status", "publish_at" });

            migrationBuilder.CreateIndex(
                name: "ix_announcement_revisions_announcement_id_revision",
                schema: "announcements",
                table: "announcement_revisions",
                columns: new[] { "announcement_id", "revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announcement_revisions",
                schema: "announcements");

            migrationBuilder.DropIndex(
                name: "ix_announcements_slug",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropIndex(
                name: "ix_announcements_status_expire_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropIndex(
                name: "ix_announcements_status_publish_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "approved_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "approved_by_name",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "approved_by_subject",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "archived_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "author_name",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "author_subject",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "break_glass",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "content",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "corrected_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "correction_note",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "expired_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "languages",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "publish_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "revision",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "slug",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "superseded_by",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.RenameColumn(
                name: "search_text",
                schema: "announcements",
                table: "announcements",
                newName: "body");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.RenameColumn(
                name: "expire_at",
                schema: "announcements",
                table: "announcements",
                newName: "expires_at");
        }
    }
}
