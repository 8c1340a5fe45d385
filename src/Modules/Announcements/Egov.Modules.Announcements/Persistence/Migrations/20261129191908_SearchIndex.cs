using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egov.Modules.Announcements.Persistence.Migrations
{
    /// <inheritdoc />
    internal partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The public search (q) is German full-text search over search_text; this index serves
            // the exact expression the query uses. Existing rows are lowered like new ones.
            migrationBuilder.Sql("""
                UPDATE announcements.announcements SET search_text = lower(search_text) WHERE search_text <> lower(search_text);
                CREATE INDEX ix_announcements_search_text_german ON announcements.announcements
                    USING GIN (to_tsvector('german'::regconfig, search_text));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS announcements.ix_announcements_search_text_german;");
        }
    }
}
