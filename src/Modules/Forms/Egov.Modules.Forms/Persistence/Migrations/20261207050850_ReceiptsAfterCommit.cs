using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Forms.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ReceiptsAfterCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "pdf_sha256",
                schema: "forms",
                table: "receipts",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "pdf",
                schema: "forms",
                table: "receipts",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<string>(
                name: "authority",
                schema: "forms",
                table: "receipts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verification_url",
                schema: "forms",
                table: "receipts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_pending",
                schema: "forms",
                table: "receipts",
                column: "issued_at",
                filter: "pdf IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receipts_pending",
                schema: "forms",
                table: "receipts");

            migrationBuilder.DropColumn(
                name: "authority",
                schema: "forms",
                table: "receipts");

            migrationBuilder.DropColumn(
                name: "verification_url",
                schema: "forms",
                table: "receipts");

            migrationBuilder.AlterColumn<string>(
                name: "pdf_sha256",
                schema: "forms",
                table: "receipts",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "pdf",
                schema: "forms",
                table: "receipts",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);
        }
    }
}
