using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Forms.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ApplicationPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "payment_amount_cents",
                schema: "forms",
                table: "applications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payment_changed_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "payment_id",
                schema: "forms",
                table: "applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payment_paid_at",
                schema: "forms",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_reference",
                schema: "forms",
                table: "applications",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_state",
                schema: "forms",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "payment_amount_cents",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "payment_changed_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "payment_id",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "payment_paid_at",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "payment_reference",
                schema: "forms",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "payment_state",
                schema: "forms",
                table: "applications");
        }
    }
}
