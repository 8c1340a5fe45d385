namespace Egov.Modules.Forms.Domain;

/// <summary>A text in German (required) and English (optional).</summary>
internal sealed record LocalizedText(string De, string? En)
{
    /// <summary>The English text when asked for and present, else the German.</summary>
    public string In(string language) => language == "en" && !string.IsNullOrWhiteSpace(En) ? En : De;
}
