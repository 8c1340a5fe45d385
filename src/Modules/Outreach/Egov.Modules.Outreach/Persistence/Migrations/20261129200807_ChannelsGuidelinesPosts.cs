using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Outreach.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ChannelsGuidelinesPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "active_alerts",
                schema: "outreach",
                columns: table => new
                {
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    headline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_active_alerts", x => x.alert_id);
                });

            migrationBuilder.CreateTable(
                name: "channels",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    crisis_capable = table.Column<bool>(type: "boolean", nullable: false),
                    owning_unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    account = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    protected_credentials = table.Column<string>(type: "text", nullable: true),
                    credentials_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    assessment_done = table.Column<bool>(type: "boolean", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    joint_controllership_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    requires_imprint_link = table.Column<bool>(type: "boolean", nullable: false),
                    limits = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "guideline_acknowledgements",
                schema: "outreach",
                columns: table => new
                {
                    guideline_version = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guideline_acknowledgements", x => new { x.guideline_version, x.subject });
                });

            migrationBuilder.CreateTable(
                name: "guidelines",
                schema: "outreach",
                columns: table => new
                {
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    change_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guidelines", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "post_media",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_media", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_crisis = table.Column<bool>(type: "boolean", nullable: false),
                    author_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contributor_subjects = table.Column<List<string>>(type: "text[]", nullable: false),
                    history_count = table.Column<int>(type: "integer", nullable: false),
                    approval = table.Column<string>(type: "text", nullable: true),
                    break_glass_reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    break_glass_reviewed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    publish_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "post_history",
                schema: "outreach",
                columns: table => new
                {
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    guideline_version = table.Column<int>(type: "integer", nullable: true),
                    check_results = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_history", x => new { x.post_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_post_history_posts_post_id",
                        column: x => x.post_id,
                        principalSchema: "outreach",
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_variants",
                schema: "outreach",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    content_warning = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    hashtags = table.Column<List<string>>(type: "text[]", nullable: false),
                    media = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_variants", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_variants_posts_post_id",
                        column: x => x.post_id,
                        principalSchema: "outreach",
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_active_alerts_expires",
                schema: "outreach",
                table: "active_alerts",
                column: "expires");

            migrationBuilder.CreateIndex(
                name: "ix_channels_name",
                schema: "outreach",
                table: "channels",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_media_post_id",
                schema: "outreach",
                table: "post_media",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_variants_post_id_channel_id",
                schema: "outreach",
                table: "post_variants",
                columns: new[] { "post_id", "channel_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_posts_status_publish_at",
                schema: "outreach",
                table: "posts",
                columns: new[] { "status", "publish_at" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_status_updated_at",
                schema: "outreach",
                table: "posts",
                columns: new[] { "status", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "active_alerts",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "channels",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "guideline_acknowledgements",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "guidelines",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "post_history",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "post_media",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "post_variants",
                schema: "outreach");

            migrationBuilder.DropTable(
                name: "posts",
                schema: "outreach");
        }
    }
}
