using System.Text.Json.Nodes;

namespace Egov.SharedKernel.DataProtection;

/// <summary>
/// What one module holds about one person, for the subject access export (GDPR Art. 15): a JSON part
/// of the export's manifest and the files that go into the zip next to it. Each module answers its
/// own Contracts query with it; the host assembles the zip.
/// </summary>
/// <param name="Module">The module's name in the manifest, e.g. <c>forms</c>.</param>
/// <param name="Manifest">The module's records about the person (JSON; instants UTC, ISO 8601).</param>
/// <param name="Files">Documents, each at a relative path inside the zip (forward slashes, no leading slash).</param>
public sealed record SubjectData(string Module, JsonObject Manifest, IReadOnlyList<SubjectDataFile> Files);

/// <summary>One document of a subject access export.</summary>
/// <param name="Path">Relative path in the zip, e.g. <c>forms/EGOV-2026-000001/receipt.pdf</c>.</param>
/// <param name="MediaType">Its media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The bytes.</param>
public sealed record SubjectDataFile(string Path, string MediaType, byte[] Content);
