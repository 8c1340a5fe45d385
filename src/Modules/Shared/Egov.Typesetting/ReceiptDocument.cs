namespace Egov.Typesetting;

/// <summary>
/// Everything a receipt (Eingangsbestätigung) shows, as final texts in reading order: the output of
/// the receipt composer (<c>Features/Receipts/ReceiptComposer</c>) and the only input of <see cref="ReceiptRenderer"/>. It holds no
/// logic; every date, amount, size and label is already formatted in the receipt's language.
/// </summary>
/// <param name="Language">BCP 47 tag of the main language, <c>de-DE</c> or <c>en-GB</c>: the PDF's <c>/Lang</c>.</param>
/// <param name="SubtitleLanguage">BCP 47 tag of the subtitles (<c>en-GB</c> under German), null when there are none.</param>
/// <param name="Metadata">The PDF document information (title, author, subject).</param>
/// <param name="Authority">The issuing authority, printed at the top.</param>
/// <param name="Title">The heading, e.g. „Eingangsbestätigung“ with subtitle „Acknowledgement of receipt“.</param>
/// <param name="Introduction">One paragraph saying what the receipt confirms (and that it is no decision).</param>
/// <param name="Facts">Reference number, application, form version, received at, applicant, as label/value rows.</param>
/// <param name="Sections">The submitted data in the UI layout's order, then the attachments, then fee and deadline.</param>
/// <param name="Verification">Fingerprint, verification address and QR code; null for documents without (decision notices, whose fingerprint is that of the PDF itself).</param>
/// <param name="Footer">What every page's footer shows.</param>
public sealed record ReceiptDocument(
    string Language,
    string? SubtitleLanguage,
    ReceiptMetadata Metadata,
    ReceiptAuthority Authority,
    ReceiptLabel Title,
    ReceiptLabel Introduction,
    IReadOnlyList<ReceiptField> Facts,
    IReadOnlyList<ReceiptSection> Sections,
    ReceiptVerification? Verification,
    ReceiptFooter Footer);

/// <summary>
/// The PDF document information dictionary, and what makes the file the same every time it is
/// rendered: its creation date and its file identifier (PDF 32000-1, 14.4) come from the submission,
/// never from the clock or a random number.
/// </summary>
/// <param name="Title">E.g. <c>Eingangsbestätigung EGOV-2026-000001</c>.</param>
/// <param name="Author">The issuing authority's name.</param>
/// <param name="Subject">E.g. <c>Hundesteuer-Anmeldung, Version 1</c>.</param>
/// <param name="CreatedAt">The creation and modification date: the submission instant.</param>
/// <param name="DocumentId">The file identifier: 32 hex digits (16 bytes), the first half of the fingerprint.</param>
public sealed record ReceiptMetadata(string Title, string Author, string Subject, DateTimeOffset CreatedAt, string DocumentId);

/// <summary>The verification block: how anyone checks that a receipt is genuine.</summary>
/// <param name="Heading">E.g. „Echtheit prüfen“ / „Verify this receipt“.</param>
/// <param name="Explanation">What the fingerprint is and how to check it.</param>
/// <param name="FingerprintLabel">Label of the fingerprint.</param>
/// <param name="Fingerprint">The full fingerprint, 64 lowercase hex digits (<c>Features/Receipts/ReceiptFingerprint</c>).</param>
/// <param name="UrlLabel">Label of the verification address.</param>
/// <param name="Url">The verification address, also encoded in the QR code.</param>
/// <param name="QrAltText">Alternative text of the QR code image (accessibility).</param>
public sealed record ReceiptVerification(
    ReceiptLabel Heading,
    ReceiptLabel Explanation,
    ReceiptLabel FingerprintLabel,
    string Fingerprint,
    ReceiptLabel UrlLabel,
    string Url,
    string QrAltText);

/// <summary>The page footer.</summary>
/// <param name="Left">Text on the left of every footer, e.g. the reference number.</param>
/// <param name="PageFormat">Composite format of the page counter with {0} = page and {1} = pages, e.g. <c>Seite {0} von {1}</c>.</param>
public sealed record ReceiptFooter(string Left, string PageFormat);
