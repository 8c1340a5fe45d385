namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>One file submitted with an application, as the receipt lists and fingerprints it.</summary>
/// <param name="Slot">The attachment slot's name, e.g. <c>insurance-certificate</c>.</param>
/// <param name="FileName">The stored (sanitised) file name.</param>
/// <param name="SizeBytes">The file's size in bytes.</param>
/// <param name="Sha256">SHA-256 of the file's bytes: 64 hexadecimal digits (either case; lowercase in the canonical form).</param>
internal sealed record ReceiptAttachment(string Slot, string FileName, long SizeBytes, string Sha256);
