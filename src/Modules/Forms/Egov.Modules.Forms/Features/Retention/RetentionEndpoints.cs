using System.Text;
using System.Text.Json;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Forms.Features.Retention;

/// <summary>The retention job's deletion records for administrators under <c>/api/v1/retention</c>.</summary>
internal static class RetentionEndpoints
{
    public static IEndpointRouteBuilder MapRetentionEndpoints(this IEndpointRouteBuilder app)
    {
        var retention = app.MapGroup("/api/v1/retention").WithTags("Retention").RequireAuthorization(EgovPolicies.Administer);

        retention.MapGet("/deletion-records", async Task<Ok<IReadOnlyList<DeletionRecordResponse>>> (DateOnly? from, DateOnly? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListDeletionRecordsQuery(from, to), ct)))
            .WithName("ListDeletionRecords")
            .WithSummary("What the retention job removed, newest first (proof of erasure, GDPR Art. 5(2))")
            .WithDescription("`from`/`to`: days in Europe/Berlin, inclusive. Each record names the application, the rule, the kinds of data removed with their counts and a SHA-256 over what was removed; it holds no personal data.")
            .ProducesValidationProblem();

        retention.MapGet("/deletion-records/export", async Task<FileContentHttpResult> (string? format, DateOnly? from, DateOnly? to, ISender sender, CancellationToken ct) =>
            {
                var kind = (format ?? "csv").ToLowerInvariant();
                if (kind is not ("csv" or "json"))
                {
                    throw new RequestValidationException("format", "format is csv or json.");
                }

                var records = await sender.Send(new ListDeletionRecordsQuery(from, to), ct);
                return kind == "csv"
                    ? TypedResults.File(Encoding.UTF8.GetBytes(DeletionRecordCsv.Write(records)), "text/csv; charset=utf-8", "deletion-records.csv")
                    : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(records, JsonSerializerOptions.Web), "application/json", "deletion-records.json");
            })
            .WithName("ExportDeletionRecords")
            .WithSummary("The deletion records as a download: CSV (RFC 4180, default) or JSON")
            .ProducesValidationProblem();

        return app;
    }
}
