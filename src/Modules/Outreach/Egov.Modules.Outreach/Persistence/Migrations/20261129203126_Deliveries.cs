using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Outreach.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Deliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "alert_id",
                schema: "outreach",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "announcement_id",
                schema: "outreach",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "reply_to_alert_id",
                schema: "outreach",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cross_post_policy",
                schema: "outreach",
                table: "channels",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.CreateTable(
                name: "deliveries",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    crisis = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reply_to = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    platform_id = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    last_error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    last_http_status = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    favourites = table.Column<int>(type: "integer", nullable: true),
                    boosts = table.Column<int>(type: "integer", nullable: true),
                    replies = table.Column<int>(type: "integer", nullable: true),
                    engagement_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_alert_id",
                schema: "outreach",
                table: "posts",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_announcement_id",
                schema: "outreach",
                table: "posts",
                column: "announcement_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_channel_id_created_at",
                schema: "outreach",
                table: "deliveries",
                columns: new[] { "channel_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_post_id",
                schema: "outreach",
                table: "deliveries",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_status_due_at",
                schema: "outreach",
                table: "deliveries",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_variant_id",
                schema: "outreach",
                table: "deliveries",
                column: "variant_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliveries",
                schema: "outreach");

            migrationBuilder.DropIndex(
                name: "ix_posts_alert_id",
                schema: "outreach",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_posts_announcement_id",
                schema: "outreach",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "alert_id",
                schema: "outreach",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "announcement_id",
                schema: "outreach",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "reply_to_alert_id",
                schema: "outreach",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "cross_post_policy",
                schema: "outreach",
                table: "channels");
        }
    }
}
