using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Outreach.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class PushPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "alert_id",
                schema: "outreach",
                table: "push_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "priority",
                schema: "outreach",
                table: "push_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Alert jobs still waiting at the upgrade go into the alert lane too.
            migrationBuilder.Sql("UPDATE outreach.push_jobs SET priority = 1 WHERE type IN ('alert', 'alert-cancelled') AND completed_at IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_push_jobs_alert_id",
                schema: "outreach",
                table: "push_jobs",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_push_jobs_pending_priority_created_at",
                schema: "outreach",
                table: "push_jobs",
                columns: new[] { "priority", "created_at" },
                filter: "completed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_push_jobs_alert_id",
                schema: "outreach",
                table: "push_jobs");

            migrationBuilder.DropIndex(
                name: "ix_push_jobs_pending_priority_created_at",
                schema: "outreach",
                table: "push_jobs");

            migrationBuilder.DropColumn(
                name: "alert_id",
                schema: "outreach",
                table: "push_jobs");

            migrationBuilder.DropColumn(
                name: "priority",
                schema: "outreach",
                table: "push_jobs");
        }
    }
}
