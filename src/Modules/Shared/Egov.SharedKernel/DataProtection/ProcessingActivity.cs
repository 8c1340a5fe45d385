namespace Egov.SharedKernel.DataProtection;

/// <summary>
/// One processing activity of the record of processing activities (Verzeichnis von
/// Verarbeitungstätigkeiten, Art. 30 (1) b–g GDPR), worded by the module that does the processing. The
/// record is kept in German, the language of the supervisory authority, so every text is German; the host
/// only lays the activities out (<c>/staff/record-of-processing</c>, <c>GET /api/v1/data-protection/record-of-processing</c>).
/// </summary>
/// <param name="Name">What the activity is, e.g. <c>Online-Antrag „Hundesteuer-Anmeldung“</c>.</param>
/// <param name="Purpose">Its purpose (Art. 30 (1) b).</param>
/// <param name="LegalBasis">The legal basis (Art. 6 GDPR, and the specialist law) the processing rests on.</param>
/// <param name="DataSubjects">Categories of data subjects (Art. 30 (1) c).</param>
/// <param name="DataCategories">Categories of personal data (Art. 30 (1) c).</param>
/// <param name="Recipients">Categories of recipients (Art. 30 (1) d).</param>
/// <param name="Retention">Time limits for erasure (Art. 30 (1) f).</param>
public sealed record ProcessingActivity(
    string Name, string Purpose, string LegalBasis, string DataSubjects, string DataCategories, string Recipients, string Retention);

/// <summary>A text of the portal in German and English (the portal's two languages, <see cref="Web.PortalText"/>).</summary>
/// <param name="De">The German text.</param>
/// <param name="En">The English text.</param>
public sealed record BilingualText(string De, string En)
{
    /// <summary>The text in <paramref name="language"/>: English for <c>en</c>, German for anything else.</summary>
    public string In(string language) => language == "en" ? En : De;
}

/// <summary>
/// A module's section of the privacy notice (Art. 13 GDPR, <c>/datenschutz</c>), worded by the module in both
/// portal languages: a heading, a paragraph (legal basis, recipients, retention, rights of this processing),
/// then either a table or a list of what is configured now — or, when that is empty, <see cref="WhenEmpty"/>.
/// The host lays the sections out in its order and writes nothing about them itself.
/// </summary>
/// <param name="Anchor">The heading's HTML id, for links into the notice (e.g. <c>kanaele</c>); null for none.</param>
/// <param name="Heading">The section's heading.</param>
/// <param name="Text">The paragraph under the heading.</param>
/// <param name="Table">A table of what is configured (e.g. one row per published form); null for none.</param>
/// <param name="Items">A list of what is configured (e.g. one item per official channel); null for none.</param>
/// <param name="WhenEmpty">Said instead of an empty table or list; null when the section has neither.</param>
public sealed record PrivacyNoticeSection(
    string? Anchor, BilingualText Heading, BilingualText Text, PrivacyNoticeTable? Table = null, IReadOnlyList<BilingualText>? Items = null, BilingualText? WhenEmpty = null);

/// <summary>A table of a privacy notice section.</summary>
/// <param name="Id">The caption's HTML id (the scrolling region is labelled by it), e.g. <c>forms-caption</c>.</param>
/// <param name="Caption">The table's caption.</param>
/// <param name="Columns">The column headers.</param>
/// <param name="Rows">The rows, each with as many cells as there are columns.</param>
public sealed record PrivacyNoticeTable(string Id, BilingualText Caption, IReadOnlyList<BilingualText> Columns, IReadOnlyList<IReadOnlyList<PrivacyNoticeCell>> Rows);

/// <summary>One cell of a privacy notice table.</summary>
/// <param name="Text">The cell's text.</param>
/// <param name="Link">A site-relative address the text links to (e.g. <c>/forms/hundesteuer-anmeldung</c>); null for plain text.</param>
public sealed record PrivacyNoticeCell(BilingualText Text, string? Link = null);
