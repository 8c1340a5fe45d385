namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>One item of personal data found in a text.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Value">The text found, exactly as written.</param>
/// <param name="Index">Zero-based UTF-16 offset of <paramref name="Value"/>.</param>
/// <param name="Normalized">
/// The item in one canonical form: an IBAN upper case without spaces, a phone number in E.164
/// (<c>+4915123456789</c>), an e-mail address as written, a deny-list entry as configured.
/// </param>
internal sealed record PersonalDataItem(PersonalDataKind Kind, string Value, int Index, string Normalized);
