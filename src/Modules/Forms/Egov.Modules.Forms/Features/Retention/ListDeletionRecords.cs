using System.Globalization;
using System.Text;
using System.Text.Json;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Retention;

/// <summary>The deletion records of the retention job, newest first, optionally of days <paramref name="From"/>–<paramref name="To"/> (Europe/Berlin, inclusive).</summary>
internal sealed record ListDeletionRecordsQuery(DateOnly? From, DateOnly? To) : IQuery<IReadOnlyList<DeletionRecordResponse>>;

/// <summary>One deletion record.</summary>
/// <param name="Id">Record id.</param>
/// <param name="ApplicationId">The application removed or stripped.</param>
/// <param name="ReferenceNumber">Its reference number; null for a draft.</param>
/// <param name="FormKey">The form.</param>
/// <param name="FormVersion">The form version.</param>
/// <param name="Action"><c>delete</c> or <c>strip</c>.</param>
/// <param name="Rule">The rule that applied.</param>
/// <param name="Removed">Kind of data → rows removed.</param>
/// <param name="Sha256">SHA-256 (hex) over what was removed.</param>
/// <param name="DeletedAt">UTC.</param>
internal sealed record DeletionRecordResponse(
    Guid Id, Guid ApplicationId, string? ReferenceNumber, string FormKey, int FormVersion, string Action, string Rule,
    IReadOnlyDictionary<string, int> Removed, string Sha256, DateTimeOffset DeletedAt);

internal sealed class ListDeletionRecordsHandler(FormsDbContext db) : IQueryHandler<ListDeletionRecordsQuery, IReadOnlyList<DeletionRecordResponse>>
{
    public async ValueTask<IReadOnlyList<DeletionRecordResponse>> Handle(ListDeletionRecordsQuery query, CancellationToken cancellationToken)
    {
        if (query.From > query.To)
        {
            throw new RequestValidationException("from", "from must not be after to.");
        }

        var records = db.DeletionRecords.AsNoTracking();
        if (query.From is { } from)
        {
            var start = CivilTime.StartOfDay(from);
            records = records.Where(r => r.DeletedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = CivilTime.StartOfDay(to.AddDays(1));
            records = records.Where(r => r.DeletedAt < end);
        }

        var rows = await records.OrderByDescending(r => r.DeletedAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DeletionRecordResponse(
            r.Id, r.ApplicationId, r.ReferenceNumber, r.FormKey, r.FormVersion, r.Action, r.Rule,
            JsonSerializer.Deserialize<Dictionary<string, int>>(r.Removed) ?? [], r.Sha256, r.DeletedAt))];
    }
}

/// <summary>Deletion records as CSV (RFC 4180: comma, CRLF, fields quoted when needed; UTF-8; <c>removed</c> as <c>kind=count;…</c>).</summary>
internal static class DeletionRecordCsv
{
    public static string Write(IReadOnlyList<DeletionRecordResponse> records)
    {
        var csv = new StringBuilder("id,applicationId,referenceNumber,formKey,formVersion,action,rule,removed,sha256,deletedAt\r\n");
        foreach (var r in records)
        {
            var removed = string.Join(';', r.Removed.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"));
            csv.AppendJoin(',', [
                r.Id.ToString(), r.ApplicationId.ToString(), Field(r.ReferenceNumber ?? ""), Field(r.FormKey),
                r.FormVersion.ToString(CultureInfo.InvariantCulture), r.Action, Field(r.Rule), Field(removed), r.Sha256,
                r.DeletedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)]);
            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
