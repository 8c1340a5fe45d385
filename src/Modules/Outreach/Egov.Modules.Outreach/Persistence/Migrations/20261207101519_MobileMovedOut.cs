using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Outreach.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class MobileMovedOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // CrossPostCandidate was written on every publication and read by nothing.
            migrationBuilder.DropTable(
                name: "cross_post_candidates",
                schema: "outreach");

            // devices, push_jobs and pushed_alerts left this model for the Mobile module, whose first
            // migration moves them (with their rows) to the mobile schema. They are not dropped here:
            // if this migration runs before the Mobile module's, the rows must still be there to move.
            // Only on a new database, where the Mobile module migrated before the older migrations of
            // this module created them, are they left over, empty: those are dropped (ADR 0019).
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    moved text;
                    has_rows boolean;
                BEGIN
                    FOREACH moved IN ARRAY ARRAY['devices', 'push_jobs', 'pushed_alerts'] LOOP
                        IF to_regclass('mobile.' || moved) IS NOT NULL AND to_regclass('outreach.' || moved) IS NOT NULL THEN
                            EXECUTE format('SELECT EXISTS (SELECT 1 FROM outreach.%I)', moved) INTO has_rows;
                            IF NOT has_rows THEN
                                EXECUTE format('DROP TABLE outreach.%I', moved);
                            END IF;
                        END IF;
                    END LOOP;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cross_post_candidates",
                schema: "outreach",
                columns: table => new
                {
                    announcement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cross_post_candidates", x => x.announcement_id);
                });
        }
    }
}
