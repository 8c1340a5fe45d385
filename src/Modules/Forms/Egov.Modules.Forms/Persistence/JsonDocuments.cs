using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egov.Modules.Forms.Persistence;

/// <summary>
/// JSON document columns: <c>jsonb</c> on PostgreSQL, text elsewhere (SQLite). The entity
/// configurations mark the properties (they are created by <c>ApplyConfigurationsFromAssembly</c> and
/// cannot know the provider); the DbContext turns the marks into column types and removes them, so the
/// model — and the migrations — are the same as with the column type written out.
/// </summary>
internal static class JsonDocuments
{
    private const string Mark = "Egov:JsonDocument";

    /// <summary>Marks <paramref name="property"/> as a JSON document column.</summary>
    public static PropertyBuilder<T> IsJsonDocument<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Mark, true);

    /// <summary>Gives the marked properties the column type <c>jsonb</c> when <paramref name="npgsql"/>; removes the marks.</summary>
    public static void Apply(ModelBuilder modelBuilder, bool npgsql)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).ToList())
        {
            if (property.FindAnnotation(Mark) is not null)
            {
                property.RemoveAnnotation(Mark);
                if (npgsql)
                {
                    property.SetColumnType("jsonb");
                }
            }
        }
    }
}
