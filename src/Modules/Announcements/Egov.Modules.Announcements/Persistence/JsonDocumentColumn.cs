using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Egov.Modules.Announcements.Persistence;

/// <summary>
/// A property stored as one JSON document (web defaults of System.Text.Json), always read and written whole;
/// <c>jsonb</c> on PostgreSQL, text elsewhere.
/// </summary>
internal static class JsonDocumentColumn
{
    private static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <paramref name="property"/> as a JSON document (called by the entity configurations).</summary>
    public static PropertyBuilder<T> IsJsonDocument<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(
            new JsonDocumentConverter<T>(),
            new ValueComparer<T>(
                (a, c) => JsonSerializer.Serialize(a, ContentJson) == JsonSerializer.Serialize(c, ContentJson),
                c => JsonSerializer.Serialize(c, ContentJson).GetHashCode(StringComparison.Ordinal),
                c => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(c, ContentJson), ContentJson)!));

    /// <summary>
    /// Gives every JSON document property the column type <c>jsonb</c>. The configurations cannot know the
    /// provider (they are created without arguments by <c>ApplyConfigurationsFromAssembly</c>), so the DbContext
    /// calls this after applying them, on PostgreSQL only.
    /// </summary>
    public static void UseJsonb(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.GetValueConverter() is IJsonDocumentConverter)
            {
                property.SetColumnType("jsonb");
            }
        }
    }

    /// <summary>Marks the converter so <see cref="UseJsonb"/> finds the JSON document properties.</summary>
    private interface IJsonDocumentConverter;

    private sealed class JsonDocumentConverter<T>() : ValueConverter<T, string>(
        c => JsonSerializer.Serialize(c, ContentJson),
        json => JsonSerializer.Deserialize<T>(json, ContentJson)!), IJsonDocumentConverter
        where T : class;
}
