using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Outreach.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class ChannelExitAndModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "moderated_at",
                schema: "outreach",
                table: "inbox_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "moderated_by",
                schema: "outreach",
                table: "inbox_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "moderated_by_name",
                schema: "outreach",
                table: "inbox_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "moderation",
                schema: "outreach",
                table: "inbox_items",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "moderation_reason",
                schema: "outreach",
                table: "inbox_items",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "acknowledgement_texts",
                schema: "outreach",
                table: "channels",
                type: "character varying(12000)",
                maxLength: 12000,
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<Guid>(
                name: "farewell_post_id",
                schema: "outreach",
                table: "channels",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                schema: "outreach",
                table: "channels",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retired_by",
                schema: "outreach",
                table: "channels",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retired_by_name",
                schema: "outreach",
                table: "channels",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retirement_reason",
                schema: "outreach",
                table: "channels",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "moderated_at",
                schema: "outreach",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "moderated_by",
                schema: "outreach",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "moderated_by_name",
                schema: "outreach",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "moderation",
                schema: "outreach",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "moderation_reason",
                schema: "outreach",
                table: "inbox_items");

            migrationBuilder.DropColumn(
                name: "acknowledgement_texts",
                schema: "outreach",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "farewell_post_id",
                schema: "outreach",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "retired_at",
                schema: "outreach",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "retired_by",
                schema: "outreach",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "retired_by_name",
                schema: "outreach",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "retirement_reason",
                schema: "outreach",
                table: "channels");
        }
    }
}
