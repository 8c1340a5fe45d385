using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Payments.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class CheckoutExpirySweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                schema: "payments",
                table: "payments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lock_owner",
                schema: "payments",
                table: "payments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "payments",
                table: "payments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_open_by_expiry",
                schema: "payments",
                table: "payments",
                column: "expires_at",
                filter: "state = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payments_open_by_expiry",
                schema: "payments",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "expires_at",
                schema: "payments",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "lock_owner",
                schema: "payments",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "payments",
                table: "payments");
        }
    }
}
