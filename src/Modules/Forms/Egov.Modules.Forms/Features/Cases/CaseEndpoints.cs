using System.Security.Claims;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Receipts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Staff case handling under <c>/api/v1/cases</c> (policy HandleCases; department rules in the handlers).</summary>
internal static class CaseEndpoints
{
    private const string IfMatchDescription =
        "Send `If-Match` with the case's ETag as last read: 428 without it, 412 when the case changed since (read it again).";

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(EgovPolicies.HandleCases);

        cases.MapGet("/", async Task<Ok<CaseWorklist>> (
                [FromQuery] string[]? status, string? form, string? assignee, string? department, bool? overdue,
                DateOnly? submittedFrom, DateOnly? submittedTo, string? q, string? payment, string? sort, string? cursor, int? limit,
                HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var filter = new CaseFilter(ParseStatuses(status), Blank(form), Blank(assignee), Blank(department), overdue, submittedFrom, submittedTo, Blank(q), Blank(payment));
                return TypedResults.Ok(await sender.Send(new ListCasesQuery(Caseworker(http), filter, ParseSort(sort), cursor, limit), ct));
            })
            .WithName("ListCases")
            .WithSummary("The worklist: cases of my departments")
            .WithDescription("Filters combine with AND: `status` (repeat or comma-separate), `form` (key), `assignee` (`me`, `none` or a subject), `department`, `overdue`, `submittedFrom`/`submittedTo` (dates, Europe/Berlin, inclusive), `q` (part of the reference number or applicant name), `payment` (state of the latest fee payment: `Open`, `Paid`, `Failed`, `Cancelled`, `Expired`, `Refunded`, or `None`). `sort`: `submittedAt` (default, oldest first), `-submittedAt`, `dueAt`, `-dueAt`. `counts` gives the number of cases per status under the same filters except `status`.")
            .ProducesValidationProblem();

        cases.MapGet("/{id:guid}", async Task<Ok<CaseDetail>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new GetCaseQuery(Caseworker(http), id), ct)))
            .WithName("GetCase")
            .WithSummary("One case, with its data, files, information requests and history")
            .WithDescription("The `ETag` header (also `eTag` in the body) goes into `If-Match` of every change. Each read is logged for the data protection audit.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/{id:guid}/history", async Task<Ok<IReadOnlyList<CaseHistoryEntryResponse>>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCaseHistoryQuery(Caseworker(http), id), ct)))
            .WithName("GetCaseHistory")
            .WithSummary("The case's append-only history, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/assign", async Task<Ok<CaseDetail>> (Guid id, AssignCaseRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new AssignCaseCommand(Caseworker(http), id, IfMatch(http), request.Assignee), ct)))
            .WithName("AssignCase")
            .WithSummary("Assign the case to me or a colleague of its department, or unassign it (`assignee`: null)")
            .WithDescription(IfMatchDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        cases.MapPost("/{id:guid}/legal-hold", async Task<Ok<CaseDetail>> (Guid id, LegalHoldRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new PlaceLegalHoldCommand(Caseworker(http), id, IfMatch(http), request.Reason ?? ""), ct)))
            .WithName("PlaceLegalHold")
            .WithSummary("Keep the case for legal proceedings: its retention clock stops until the hold is lifted (reason required, recorded in the history)")
            .WithDescription(IfMatchDescription + " 409 when a hold is in place already.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        cases.MapPost("/{id:guid}/legal-hold/lift", async Task<Ok<CaseDetail>> (Guid id, LegalHoldRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new LiftLegalHoldCommand(Caseworker(http), id, IfMatch(http), request.Reason ?? ""), ct)))
            .WithName("LiftLegalHold")
            .WithSummary("End the legal hold: the retention date moves on by the time the clock stood still (reason required, recorded in the history)")
            .WithDescription(IfMatchDescription + " 409 when no hold is in place.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        cases.MapPost("/{id:guid}/transitions", async Task<Ok<CaseDetail>> (Guid id, TransitionCaseRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new TransitionCaseCommand(Caseworker(http), id, IfMatch(http), ParseStatus(request.To, "to"), request.Reason), ct)))
            .WithName("TransitionCase")
            .WithSummary("Move the case on: InReview, Approved, Rejected (reason required), Closed")
            .WithDescription(IfMatchDescription + " A move that is not allowed now is a 409 problem listing the allowed ones (`allowed`). Information requests have their own endpoint.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        cases.MapPost("/{id:guid}/information-requests", async Task<Ok<CaseDetail>> (
                Guid id, RequestInformationRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new RequestInformationCommand(Caseworker(http), id, IfMatch(http), request.Message, request.AnswerBy), ct)))
            .WithName("RequestInformation")
            .WithSummary("Ask the applicant for documents or data by a date (case → InformationRequested; the deadline clock stops)")
            .WithDescription(IfMatchDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        cases.MapGet("/{id:guid}/messages", async Task<Ok<IReadOnlyList<CaseMessageResponse>>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCaseMessagesQuery(Caseworker(http), id), ct)))
            .WithName("ListCaseMessages")
            .WithSummary("Messages with the applicant and internal notes, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/messages", async Task<Created<CaseMessageResponse>> (Guid id, PostCaseMessageRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var message = await sender.Send(new PostCaseMessageCommand(Caseworker(http), id, request.Body, request.Internal), ct);
                return TypedResults.Created($"/api/v1/cases/{id}/messages", message);
            })
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .WithName("PostCaseMessage")
            .WithSummary("Write to the applicant, or add an internal note (`internal`: true; staff only)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async Task<FileContentHttpResult> (
                Guid id, Guid attachmentId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetCaseAttachmentQuery(Caseworker(http), id, attachmentId), ct);
                return TypedResults.File(file.Content, file.MediaType, file.FileName);
            })
            .WithName("GetCaseAttachment")
            .WithSummary("Download a file of the case")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/{id:guid}/receipt", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                ReceiptEndpoints.Download(http, await sender.Send(new GetCaseReceiptQuery(Caseworker(http), id), ct)))
            .WithName("GetCaseReceipt")
            .WithSummary("The receipt of a case, as PDF (logged as a read)")
            .WithDescription("The same bytes as the applicant's download; rendered on the spot if the background render has not stored it yet.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/cases/access-log", async Task<Ok<CursorPage<CaseAccessLogResponse>>> (
                Guid? caseId, string? actor, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCaseAccessLogQuery(caseId, Blank(actor), cursor, limit), ct)))
            .RequireAuthorization(EgovPolicies.Administer)
            .WithTags("Cases")
            .WithName("ListCaseAccessLog")
            .WithSummary("Administrator: who read which case's personal data, newest first")
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>The signed-in member of staff as the case handlers know them (also used by the staff pages).</summary>
    internal static Caseworker Caseworker(HttpContext http)
    {
        var user = http.User;
        return new Caseworker(
            user.FindFirstValue(EgovClaimTypes.Subject)!,
            user.FindFirstValue(EgovClaimTypes.Name) ?? user.FindFirstValue(EgovClaimTypes.Subject)!,
            [.. user.FindAll(EgovClaimTypes.Department).Select(c => c.Value).Distinct(StringComparer.Ordinal)],
            user.IsInRole(EgovRoles.Administrator));
    }

    private static int? IfMatch(HttpContext http) => EntityTags.IfMatchRevision(http);

    private static Ok<CaseDetail> WithETag(HttpContext http, CaseDetail detail)
    {
        http.Response.Headers.ETag = detail.ETag;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(detail);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ApplicationStatus[] ParseStatuses(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => ParseStatus(v, "status")).Distinct()];

    /// <exception cref="RequestValidationException">Not a case status (field <paramref name="field"/>).</exception>
    private static ApplicationStatus ParseStatus(string? value, string field) =>
        Enum.TryParse<ApplicationStatus>(value, ignoreCase: true, out var status) && status != ApplicationStatus.Draft
            && Enum.IsDefined(status) && !int.TryParse(value, out _)
            ? status
            : throw new RequestValidationException(field,
                $"'{value}' is not a case status. Use one of: {string.Join(", ", Enum.GetNames<ApplicationStatus>().Where(n => n != nameof(ApplicationStatus.Draft)))}.");

    /// <exception cref="RequestValidationException">Unknown sort (field <c>sort</c>).</exception>
    private static CaseSort ParseSort(string? value) => value?.Trim() switch
    {
        null or "" or "submittedAt" => CaseSort.SubmittedAt,
        "-submittedAt" => CaseSort.SubmittedAtDescending,
        "dueAt" => CaseSort.DueAt,
        "-dueAt" => CaseSort.DueAtDescending,
        _ => throw new RequestValidationException("sort", "Sort by submittedAt, -submittedAt, dueAt or -dueAt."),
    };
}

/// <param name="Assignee"><c>me</c>, a colleague's subject (<c>sub</c>), or null to put the case back into the department's queue.</param>
internal sealed record AssignCaseRequest(string? Assignee);

/// <param name="Reason">Why the case is kept (e.g. the proceedings and their file number), or why the hold ends; internal, never shown to the applicant.</param>
internal sealed record LegalHoldRequest(string? Reason);

/// <param name="To">Target status: <c>InReview</c>, <c>Approved</c>, <c>Rejected</c> or <c>Closed</c>.</param>
/// <param name="Reason">Why; required for Rejected and for withdrawing an information request (InformationRequested → InReview). Shown to the applicant.</param>
internal sealed record TransitionCaseRequest(string To, string? Reason);

/// <param name="Message">What is needed and why (plain text, at most 5,000 characters); shown to the applicant.</param>
/// <param name="AnswerBy">Date to answer by (Europe/Berlin), after today.</param>
internal sealed record RequestInformationRequest(string Message, DateOnly AnswerBy);

/// <param name="Body">Plain text, at most 5,000 characters.</param>
/// <param name="Internal">True for an internal note that the applicant never sees.</param>
internal sealed record PostCaseMessageRequest(string Body, bool Internal = false);
