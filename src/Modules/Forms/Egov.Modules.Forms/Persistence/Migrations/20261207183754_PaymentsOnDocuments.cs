using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Forms.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class PaymentsOnDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "fee_paid_at",
                schema: "forms",
                table: "receipts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "fee_paid_cents",
                schema: "forms",
                table: "receipts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "fee_payment_id",
                schema: "forms",
                table: "receipts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fee_provider",
                schema: "forms",
                table: "receipts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fee_reference",
                schema: "forms",
                table: "receipts",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payment_confirmations",
                schema: "forms",
                columns: table => new
                {
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    provider_reference = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    fingerprint = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    pdf_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_confirmations", x => x.payment_id);
                    table.ForeignKey(
                        name: "fk_payment_confirmations_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "forms",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payment_confirmations_application_id",
                schema: "forms",
                table: "payment_confirmations",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_confirmations_reference_number_fingerprint",
                schema: "forms",
                table: "payment_confirmations",
                columns: new[] { "reference_number", "fingerprint" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_confirmations",
                schema: "forms");

            migrationBuilder.DropColumn(
                name: "fee_paid_at",
                schema: "forms",
                table: "receipts");

            migrationBuilder.DropColumn(
                name: "fee_paid_cents",
                schema: "forms",
                table: "receipts");

            migrationBuilder.DropColumn(
                name: "fee_payment_id",
                schema: "forms",
                table: "receipts");

            migrationBuilder.DropColumn(
                name: "fee_provider",
                schema: "forms",
                table: "receipts");

            migrationBuilder.DropColumn(
                name: "fee_reference",
                schema: "forms",
                table: "receipts");
        }
    }
}
