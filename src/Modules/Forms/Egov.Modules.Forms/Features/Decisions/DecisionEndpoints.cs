using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Receipts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>
/// Decision notices: staff preview and issue them under <c>/api/v1/cases/{id}</c> (policy HandleCases,
/// the case's departments only) and download them; the applicant downloads their own under
/// <c>/api/v1/applications/{id}</c> (policy FileApplications).
/// </summary>
internal static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(EgovPolicies.HandleCases);

        cases.MapPost("/{id:guid}/decision", async Task<Ok<CaseDetail>> (Guid id, IssueDecisionRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var detail = await sender.Send(new IssueDecisionCommand(CaseEndpoints.Caseworker(http), id, EntityTags.IfMatchRevision(http), ParseKind(request.Kind), request.Text), ct);
                http.Response.Headers.ETag = detail.ETag;
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(detail);
            })
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .WithName("IssueDecision")
            .WithSummary("Decide the case with a written notice (Bescheid): approval, rejection or partial approval")
            .WithDescription("Renders the form version's template of `kind` with `text` to PDF, stores it on the case with its SHA-256, and moves the case to Approved (`approval`, `partial`) or Rejected (`rejection`) in one step. " +
                "Send `If-Match` with the case's ETag (428 without, 412 when stale). 409 when the case cannot be decided now; 400 `kind` when the version has no such template; 400 `text` when a rejection or partial approval has no reasons.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        cases.MapPost("/{id:guid}/decision/preview", async (Guid id, IssueDecisionRequest request, string? format, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var html = format?.Trim().ToLowerInvariant() switch
                {
                    null or "" or "pdf" => false,
                    "html" => true,
                    _ => throw new RequestValidationException("format", "Use pdf (default) or html."),
                };
                var preview = await sender.Send(new PreviewDecisionNoticeQuery(CaseEndpoints.Caseworker(http), id, ParseKind(request.Kind), request.Text, html), ct);
                http.Response.Headers.CacheControl = "no-store";
                return preview.Html is { } fragment
                    ? Results.Content(fragment, "text/html; charset=utf-8")
                    : Results.File(preview.Pdf!, "application/pdf");
            })
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .WithName("PreviewDecisionNotice")
            .WithSummary("Preview the notice as it would be issued now: PDF (default) or an HTML fragment (`format=html`); nothing is stored")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/{id:guid}/decision-notices/{noticeId:guid}", async (Guid id, Guid noticeId, HttpContext http, ISender sender, CancellationToken ct) =>
                Download(http, await sender.Send(new GetCaseDecisionNoticeQuery(CaseEndpoints.Caseworker(http), id, noticeId), ct)))
            .WithName("GetCaseDecisionNotice")
            .WithSummary("A decision notice of the case, as PDF (logged as a read)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/applications/{id:guid}/decision-notices/{noticeId:guid}", async (Guid id, Guid noticeId, HttpContext http, ISender sender, CancellationToken ct) =>
                Download(http, await sender.Send(new GetDecisionNoticeQuery(ApplicationEndpoints.Applicant(http), id, noticeId), ct)))
            .RequireAuthorization(EgovPolicies.FileApplications)
            .WithTags("Applications")
            .WithName("GetDecisionNotice")
            .WithSummary("A decision notice (Bescheid) of my application, as PDF")
            .WithDescription("The bytes as issued; their SHA-256 is the notice's `sha256` in `case.decisionNotices` (strong `ETag`; 304 for `If-None-Match`). Another citizen's notice is 404.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Download(HttpContext http, DecisionNoticeFile file) =>
        ReceiptEndpoints.PdfDownload(http, file.Pdf, file.ETag, file.FileName, file.FileName);

    /// <exception cref="RequestValidationException">Not a decision kind (field <c>kind</c>).</exception>
    private static DecisionKind ParseKind(string? value) =>
        Enum.TryParse<DecisionKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _)
            ? kind
            : throw new RequestValidationException("kind", $"'{value}' is not a decision. Use approval, rejection or partial.");
}

/// <param name="Kind"><c>approval</c>, <c>rejection</c> or <c>partial</c>.</param>
/// <param name="Text">The caseworker's free text (plain text, at most 5,000 characters): required for rejection and partial (the reasons).</param>
internal sealed record IssueDecisionRequest(string? Kind, string? Text);
