namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>One result of a guideline check on one channel's variant of a post.</summary>
/// <param name="Code">A stable code from <see cref="FindingCodes"/>, e.g. <c>"length"</c> or <c>"personal-data.iban"</c>.</param>
/// <param name="Severity">Whether the finding blocks submission and approval.</param>
/// <param name="Message">
/// English, for staff, naming the item: e.g. <c>IBAN DE89 3704 … found at character 58</c>. Positions in
/// messages are one-based; an IBAN is shortened so that messages (which may be logged) do not repeat it.
/// </param>
/// <param name="Match">The text that was found, exactly as written (for highlighting), or the file name for media findings; null where nothing was matched.</param>
/// <param name="Index">
/// Zero-based UTF-16 offset of <paramref name="Match"/> in the field named by <see cref="Field"/> (in .NET
/// and JavaScript string indices alike); null for findings about the whole variant.
/// </param>
internal sealed record CheckFinding(string Code, FindingSeverity Severity, string Message, string? Match, int? Index)
{
    /// <summary>
    /// Where <see cref="Index"/> points: <see cref="FindingFields.Text"/> (the exact text sent, the default),
    /// <see cref="FindingFields.ContentWarning"/> or <see cref="FindingFields.AltText"/> (the message names the file).
    /// </summary>
    public string Field { get; init; } = FindingFields.Text;
}
