using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Contracts;
using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Host.DataProtection;

/// <summary>
/// The subject access export (GDPR Art. 15 (1) and (3)): a zip with <c>manifest.json</c> — the person's
/// records from every module that holds some (Forms: applications, data, files, receipts, messages,
/// information requests, who at the city viewed the cases; Mobile: devices linked to the account) and a
/// list of the files with size and SHA-256 — and the files themselves (uploaded documents, receipt PDFs).
/// Each module answers its own Contracts query about the subject; nothing here reads a module's tables.
/// </summary>
internal static class SubjectAccessExport
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerOptions.Web) { WriteIndented = true };

    /// <summary>The zip's bytes for <paramref name="subject"/>; <paramref name="requestedBy"/> is the member of staff producing it (recorded by Forms), null for the person.</summary>
    public static async Task<byte[]> BuildAsync(ISender sender, TimeProvider time, string subject, (string Subject, string Name)? requestedBy, CancellationToken cancellationToken)
    {
        SubjectData[] parts =
        [
            await sender.Send(new ExportSubjectDataQuery(subject, requestedBy), cancellationToken),
            await sender.Send(new ExportSubjectDevicesQuery(subject), cancellationToken),
        ];

        var files = parts.SelectMany(p => p.Files).ToList();
        var modules = new JsonObject();
        foreach (var part in parts)
        {
            modules[part.Module] = part.Manifest;
        }

        var manifest = new JsonObject
        {
            ["subject"] = subject,
            ["generatedAt"] = time.GetUtcNow(),
            ["legalBasis"] = "Art. 15 DSGVO (Auskunftsrecht der betroffenen Person)",
            ["modules"] = modules,
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject
            {
                ["path"] = f.Path, ["mediaType"] = f.MediaType, ["sizeBytes"] = f.Content.LongLength, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(f.Content)),
            })]),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = await zip.CreateEntry("manifest.json", CompressionLevel.Optimal).OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(entry, manifest, ManifestJson, cancellationToken);
            }

            foreach (var file in files)
            {
                await using var entry = await zip.CreateEntry(file.Path, CompressionLevel.Fastest).OpenAsync(cancellationToken);
                await entry.WriteAsync(file.Content, cancellationToken);
            }
        }

        return buffer.ToArray();
    }
}
