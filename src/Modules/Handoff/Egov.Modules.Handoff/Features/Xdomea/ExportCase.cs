using System.Security.Cryptography;
using System.Text;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Engines.Xdomea;
using Egov.Modules.Handoff.Features.Handoffs;
using Egov.Modules.Handoff.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Mediator;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Handoff.Features.Xdomea;

/// <summary>
/// A case as an xdomea 3.1.0 zip (<see cref="XdomeaExport"/>) for the e-file: the application as JSON
/// (its data as submitted) and as PDF (the receipt, which prints the data), then the attachments and
/// the decision notices. Staff of the case's department; 404 otherwise. Recorded in the case's access log.
/// </summary>
internal sealed record ExportCaseQuery(StaffMember Staff, Guid CaseId) : IQuery<XdomeaFile>;

/// <summary>The zip and its download name.</summary>
internal sealed record XdomeaFile(string FileName, byte[] Content);

internal sealed class ExportCaseHandler(HandoffDbContext db, ISender sender, IOptions<HandoffOptions> options, TimeProvider time) : IQueryHandler<ExportCaseQuery, XdomeaFile>
{
    public async ValueTask<XdomeaFile> Handle(ExportCaseQuery query, CancellationToken cancellationToken)
    {
        var record = await sender.Send(new GetCaseRecordQuery(query.CaseId, IncludeContent: true), cancellationToken);
        if (record is null || !query.Staff.Covers(record.Department))
        {
            throw new NotFoundException($"There is no case {query.CaseId}.");
        }

        var xdomea = options.Value.Xdomea;
        var receivedOn = DateOnly.FromDateTime(CivilTime.ToBerlin(record.SubmittedAt).DateTime);
        var subject = $"{record.FormTitle.De} – {record.ReferenceNumber}";
        var data = Encoding.UTF8.GetBytes(record.DataJson);
        var documents = new List<XdomeaDocument>
        {
            new(DerivedId(record.ApplicationId, "application.json"), "Antrag", $"Antrag (Daten) {record.ReferenceNumber}",
                record.ReferenceNumber + ".json", "application/json", record.SubmittedAt, receivedOn, data),
        };
        documents.AddRange(record.Documents.Select(d => new XdomeaDocument(
            DerivedId(d.Id, d.Kind), Kind(d.Kind), Title(d, record.ReferenceNumber), d.FileName, d.MediaType, d.CreatedAt, receivedOn, d.Content ?? [])));

        var now = time.GetUtcNow();
        var message = new XdomeaMessage(
            Guid.CreateVersion7(now), now, xdomea.Authority, record.Department, xdomea.Authority,
            DerivedId(record.ApplicationId, "akte"), record.ApplicationId, record.ReferenceNumber,
            xdomea.FilePlan.GetValueOrDefault(record.FormKey), subject, documents);
        using var zip = new MemoryStream();
        XdomeaExport.Write(message, zip);

        // Made: staff see it beside the other hand-offs, and the case's access log names who took the case out.
        db.Deliveries.Add(HandoffDelivery.Exported(
            message.ProcessId, record.ApplicationId, record.ReferenceNumber, record.FormKey, record.FormVersion, record.Department, record.Status, now));
        await db.SaveChangesAsync(cancellationToken);
        await sender.Send(new RecordCaseReadCommand(record.ApplicationId, query.Staff.Subject, query.Staff.Name, CaseReads.XdomeaExport), cancellationToken);
        return new XdomeaFile($"{record.ReferenceNumber}.xdomea.zip", zip.ToArray());
    }

    private static string Kind(string kind) => kind switch
    {
        CaseDocumentKinds.Receipt => "Antrag mit Eingangsbestätigung",
        CaseDocumentKinds.DecisionNotice => "Bescheid",
        _ => "Anlage",
    };

    private static string Title(CaseDocument document, string reference) => document.Kind switch
    {
        CaseDocumentKinds.Receipt => $"Antrag und Eingangsbestätigung {reference}",
        CaseDocumentKinds.DecisionNotice when document.DecisionNotice is { } notice => notice.Title,
        _ => document.FileName,
    };

    /// <summary>A UUID derived from an id and a purpose (stable across exports, so the e-file recognises a repeat).</summary>
    private static Guid DerivedId(Guid id, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id:D}/{purpose}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (RFC 9562, custom)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
