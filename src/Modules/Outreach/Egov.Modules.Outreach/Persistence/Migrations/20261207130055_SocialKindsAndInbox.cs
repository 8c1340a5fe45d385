using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Outreach.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SocialKindsAndInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reply_to_platform_id",
                schema: "outreach",
                table: "post_variants",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "checkpoint",
                schema: "outreach",
                table: "deliveries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inbox_cursors",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lock_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_cursors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_items",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    platform_item_id = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reply_target = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    in_reply_to = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    author_handle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    author_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    flagged = table.Column<bool>(type: "boolean", nullable: false),
                    flag_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    assigned_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    answer_post_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_items", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_cursors_due_at",
                schema: "outreach",
                table: "inbox_cursors",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_items_channel_id_platform_item_id",
                schema: "outreach",
                table: "inbox_items",
                columns: new[] { "channel_id", "platform_item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_items_imported_at",
                schema: "outreach",
                table: "inbox_items",
                column: "imported_at");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_items_published_at",
                schema: "outreach",
                table: "inbox_items",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_cursors",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "inbox_items",
                schema: "outreach");

            migrationBuilder.DropColumn(
                name: "reply_to_platform_id",
                schema: "outreach",
                table: "post_variants");

            migrationBuilder.DropColumn(
                name: "checkpoint",
                schema: "outreach",
                table: "deliveries");
        }
    }
}
