using System.Text.Json;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// A form version's layout translations (<c>{ "de": { key: text }, "en": { … } }</c>, JSON Forms i18n
/// convention: an element's label is <c>&lt;i18n&gt;.label</c>, a <c>oneOf</c> option's text is its
/// <c>i18n</c> key itself) for one language, with German as the fallback.
/// </summary>
internal sealed class ReceiptTranslations(JsonElement translations, string language)
{
    /// <summary><c>de</c> or <c>en</c>.</summary>
    public string Language { get; } = language;

    /// <summary>The text of <paramref name="key"/> in the receipt's language, or null when there is none.</summary>
    public string? Get(string? key) => Lookup(Language, key);

    /// <summary>The German text of <paramref name="key"/>, or null.</summary>
    public string? German(string? key) => Lookup("de", key);

    private string? Lookup(string lang, string? key) =>
        key is not null
            && translations.ValueKind == JsonValueKind.Object
            && translations.TryGetProperty(lang, out var texts)
            && texts.ValueKind == JsonValueKind.Object
            && texts.TryGetProperty(key, out var text)
            && text.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(text.GetString())
            ? text.GetString()
            : null;
}
