using Egov.Host.Portal.City;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Egov.Host.DataProtection;

/// <summary>
/// The host's data-protection endpoints, assembled from the modules' Contracts queries: the subject access
/// export for the signed-in person and for staff on request, and the record of processing activities.
/// </summary>
internal static partial class DataProtectionEndpoints
{
    /// <summary>Maps <c>GET /api/v1/me/data-export</c>, <c>GET /api/v1/data-protection/subject-export</c> and <c>GET /api/v1/data-protection/record-of-processing</c>.</summary>
    public static IEndpointRouteBuilder MapDataProtection(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/data-export", async Task<FileContentHttpResult> (HttpContext http, ISender sender, TimeProvider time, CancellationToken ct) =>
            {
                var subject = http.User.FindFirst(EgovClaimTypes.Subject)?.Value ?? throw new ForbiddenException("The token names no subject.");
                var zip = await SubjectAccessExport.BuildAsync(sender, time, subject, null, ct);
                return TypedResults.File(zip, "application/zip", $"egov-auskunft-{time.GetUtcNow():yyyy-MM-dd}.zip");
            })
            .WithTags("Data protection")
            .RequireAuthorization(EgovPolicies.Authenticated)
            .WithName("ExportMyData")
            .WithSummary("Everything Egov holds about me (GDPR Art. 15) as a zip: manifest.json and the documents")
            .WithDescription("The manifest lists per module the records about the signed-in person — applications with data, files, receipts, messages, information requests and who at the city viewed the cases; devices registered under the account — and every file in the zip with its size and SHA-256.");

        var staff = app.MapGroup("/api/v1/data-protection").WithTags("Data protection").RequireAuthorization(EgovPolicies.Administer);
        staff.MapGet("/subject-export", async Task<FileContentHttpResult> (string? subject, HttpContext http, ISender sender, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(subject) || subject.Length > 200)
                {
                    throw new RequestValidationException("subject", "Give the person's subject identifier (sub), at most 200 characters.");
                }

                var actor = (http.User.FindFirst(EgovClaimTypes.Subject)?.Value ?? "", http.User.Identity?.Name ?? "");
                LogStaffExport(logs.CreateLogger("Egov.Host.DataProtection"), actor.Item1, subject);
                var zip = await SubjectAccessExport.BuildAsync(sender, time, subject.Trim(), actor, ct);
                return TypedResults.File(zip, "application/zip", $"egov-auskunft-{time.GetUtcNow():yyyy-MM-dd}.zip");
            })
            .WithName("ExportSubjectData")
            .WithSummary("The subject access export of a person by subject identifier, on their request (audited)")
            .WithDescription("The same zip the person downloads at /api/v1/me/data-export. Each export is logged (event 5400) and recorded as a read `subject-export` in the access log of each of the person's cases.")
            .ProducesValidationProblem();

        staff.MapGet("/record-of-processing", async Task<Ok<RecordOfProcessingResponse>> (ISender sender, IOptions<CityOptions> city, CancellationToken ct) =>
                TypedResults.Ok(await RecordOfProcessing.BuildAsync(sender, city.Value, ct)))
            .WithName("GetRecordOfProcessing")
            .WithSummary("The record of processing activities (Art. 30 GDPR), generated from the configured forms, channels and push")
            .WithDescription("One activity per published form (purpose, legal basis, data, recipients incl. the department, retention and what ends then), per configured channel (with its data-protection impact assessment and joint-controllership note) and for push messages.");
        return app;
    }

    [LoggerMessage(EventId = 5400, Level = LogLevel.Warning, Message = "Subject access export of {Subject} produced by staff member {Actor}")]
    private static partial void LogStaffExport(ILogger logger, string actor, string subject);
}
