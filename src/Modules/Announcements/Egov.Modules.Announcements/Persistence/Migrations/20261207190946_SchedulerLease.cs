using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Announcements.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SchedulerLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lock_owner",
                schema: "announcements",
                table: "announcements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "announcements",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lock_owner",
                schema: "announcements",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "announcements",
                table: "announcements");
        }
    }
}
