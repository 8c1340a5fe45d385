using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Mobile.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "mobile");

            migrationBuilder.CreateTable(
                name: "devices",
                schema: "mobile",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    endpoint = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    p256dh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    auth = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    app_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    alert_threshold = table.Column<int>(type: "integer", nullable: true),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    creation_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_devices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "mobile",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.event_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "mobile",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lock_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "push_jobs",
                schema: "mobile",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    audience = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: true),
                    severity_rank = table.Column<int>(type: "integer", nullable: true),
                    regional_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    payload_de = table.Column<string>(type: "text", nullable: false),
                    payload_en = table.Column<string>(type: "text", nullable: false),
                    urgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    time_to_live_seconds = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cursor = table.Column<Guid>(type: "uuid", nullable: true),
                    up_to = table.Column<Guid>(type: "uuid", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lock_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    pruned = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_push_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pushed_alerts",
                schema: "mobile",
                columns: table => new
                {
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    severity_rank = table.Column<int>(type: "integer", nullable: false),
                    pushed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pushed_alerts", x => x.alert_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_devices_alert_threshold",
                schema: "mobile",
                table: "devices",
                column: "alert_threshold");

            migrationBuilder.CreateIndex(
                name: "ix_devices_creation_key",
                schema: "mobile",
                table: "devices",
                column: "creation_key");

            migrationBuilder.CreateIndex(
                name: "ix_devices_endpoint",
                schema: "mobile",
                table: "devices",
                column: "endpoint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_devices_subject",
                schema: "mobile",
                table: "devices",
                column: "subject");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at_next_attempt_at",
                schema: "mobile",
                table: "outbox_messages",
                columns: new[] { "processed_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_push_jobs_alert_id",
                schema: "mobile",
                table: "push_jobs",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_push_jobs_completed_at_created_at",
                schema: "mobile",
                table: "push_jobs",
                columns: new[] { "completed_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_push_jobs_pending_priority_created_at",
                schema: "mobile",
                table: "push_jobs",
                columns: new[] { "priority", "created_at" },
                filter: "completed_at IS NULL");

            // An installation upgraded from before the Mobile module keeps its devices (with their
            // topics), push jobs (and shards) and pushed alerts in the outreach schema: the tables move
            // here with their rows, keys and indexes, replacing the empty ones created above. Outreach's
            // migrations never drop them, so the order in which modules migrate does not matter, except
            // that Outreach must have brought them to the layout this model expects (ADR 0019).
            migrationBuilder.Sql(MoveFromOutreach);
        }

        /// <summary>
        /// Moves <c>outreach.devices</c>, <c>push_jobs</c> and <c>pushed_alerts</c> to this schema when
        /// they exist, and copies the push handlers' inbox marks, so that an event handled before the
        /// upgrade is not pushed again when it is delivered once more.
        /// </summary>
        internal const string MoveFromOutreach = """
            DO $$
            BEGIN
                IF to_regclass('outreach.devices') IS NOT NULL OR to_regclass('outreach.push_jobs') IS NOT NULL THEN
                    IF NOT EXISTS (SELECT 1 FROM outreach.__ef_migrations_history WHERE migration_id = '20261207073558_PushShards') THEN
                        RAISE EXCEPTION 'The outreach schema holds push tables of an older layout: apply the Outreach module''s migrations up to 20261207073558_PushShards before the Mobile module''s.';
                    END IF;
                END IF;

                IF to_regclass('outreach.devices') IS NOT NULL THEN
                    DROP TABLE mobile.devices;
                    ALTER TABLE outreach.devices SET SCHEMA mobile;
                END IF;

                IF to_regclass('outreach.push_jobs') IS NOT NULL THEN
                    DROP TABLE mobile.push_jobs;
                    ALTER TABLE outreach.push_jobs SET SCHEMA mobile;
                END IF;

                IF to_regclass('outreach.pushed_alerts') IS NOT NULL THEN
                    DROP TABLE mobile.pushed_alerts;
                    ALTER TABLE outreach.pushed_alerts SET SCHEMA mobile;
                END IF;

                IF to_regclass('outreach.inbox_messages') IS NOT NULL THEN
                    INSERT INTO mobile.inbox_messages (event_id, handler, processed_at)
                    SELECT event_id, handler, processed_at FROM outreach.inbox_messages
                    WHERE handler IN ('AlertIssuedPushHandler', 'AlertUpdatedPushHandler', 'AlertCancelledPushHandler',
                                      'AnnouncementPublishedPushHandler', 'ApplicationStatusChangedPushHandler')
                    ON CONFLICT DO NOTHING;
                END IF;
            END
            $$;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the layout before the Mobile module: the rows return to the outreach schema.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF to_regnamespace('outreach') IS NOT NULL THEN
                        ALTER TABLE mobile.devices SET SCHEMA outreach;
                        ALTER TABLE mobile.push_jobs SET SCHEMA outreach;
                        ALTER TABLE mobile.pushed_alerts SET SCHEMA outreach;
                    END IF;
                END
                $$;
                """);

            migrationBuilder.Sql("DROP TABLE IF EXISTS mobile.devices;");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "mobile");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "mobile");

            migrationBuilder.Sql("DROP TABLE IF EXISTS mobile.push_jobs;");

            migrationBuilder.Sql("DROP TABLE IF EXISTS mobile.pushed_alerts;");
        }
    }
}
