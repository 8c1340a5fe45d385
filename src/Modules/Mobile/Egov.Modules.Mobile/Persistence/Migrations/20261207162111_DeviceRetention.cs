using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Mobile.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class DeviceRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lock_owner",
                schema: "mobile",
                table: "devices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "mobile",
                table: "devices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_devices_updated_at",
                schema: "mobile",
                table: "devices",
                column: "updated_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_updated_at",
                schema: "mobile",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "lock_owner",
                schema: "mobile",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "mobile",
                table: "devices");
        }
    }
}
