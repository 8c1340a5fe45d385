using System.Security.Claims;
using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Receipts;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Text;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>Online applications of the signed-in citizen (policy FileApplications).</summary>
internal static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/applications").WithTags("Applications").RequireAuthorization(EgovPolicies.FileApplications);

        applications.MapPost("/", async Task<Created<ApplicationResponse>> (
                CreateApplicationRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateApplicationCommand(Applicant(http), request.Form, idempotencyKey), ct);
                return TypedResults.Created($"/api/v1/applications/{created.Id}", created);
            })
            .WithName("CreateApplication")
            .WithSummary("Start a draft application for a form")
            .WithDescription("`form` is the form's id or key. With an `Idempotency-Key` header, repeating the request returns the same draft.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapGet("/{id:guid}", async Task<Ok<ApplicationResponse>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetApplicationQuery(Applicant(http), id), ct)))
            .WithName("GetApplication")
            .WithSummary("One of my applications")
            .ProducesProblem(StatusCodes.Status404NotFound);

        applications.MapPut("/{id:guid}", async Task<Ok<ApplicationResponse>> (Guid id, SaveApplicationRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveApplicationDraftCommand(Applicant(http), id, request.Data), ct)))
            .WithMetadata(new RequestSizeLimitAttribute(1024 * 1024))
            .WithName("SaveApplicationDraft")
            .WithSummary("Save the draft's data (partial data is fine)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/submit", async Task<Ok<ApplicationResponse>> (
                Guid id, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitApplicationCommand(Applicant(http), id, idempotencyKey), ct)))
            .WithName("SubmitApplication")
            .WithSummary("Submit the draft")
            .WithDescription("Validates the data against the form version's JSON Schema on the server (hidden conditional sections are dropped), freezes it and gives the reference number. " +
                "The answer carries `referenceNumber`, `submittedAt` and `receipt` (`url` of the PDF, `fingerprint`, `verificationUrl`): the receipt verifies at once, its PDF is ready within moments and downloadable at once. " +
                "Send an `Idempotency-Key` to retry safely: the same key answers the same application. Errors: one 400 problem with an entry per field (JSON pointer), in German or English by `Accept-Language`.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/withdraw", async Task<Ok<ApplicationResponse>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new WithdrawApplicationCommand(Applicant(http), id), ct)))
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw my application")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/attachments", async Task<Ok<IReadOnlyList<AttachmentResponse>>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                {
                    throw new BadHttpRequestException("Send the files as multipart/form-data with a 'slot' field and 'file' parts.", StatusCodes.Status415UnsupportedMediaType);
                }

                // The form is read here, not bound: binding would add browser antiforgery checks to
                // a bearer-token API. The files are checked by their bytes in the handler.
                var form = await FormBody.ReadAsync(http.Request, ct);
                var files = await ReadFilesAsync(form, ct);
                return TypedResults.Ok(await sender.Send(new UploadAttachmentsCommand(Applicant(http), id, InputText.Field(form["slot"].ToString(), "slot")!, files), ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(64L * 1024 * 1024))
            .WithName("UploadAttachments")
            .WithSummary("Upload files into an attachment slot of my draft")
            .WithDescription("multipart/form-data: a `slot` field and one or more `file` parts. The type is detected from the bytes (PDF, JPEG, PNG); size and count follow the slot. All files are stored or none; a per-file error names the file.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        applications.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", async Task<NoContent> (Guid id, Guid attachmentId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteAttachmentCommand(Applicant(http), id, attachmentId), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteAttachment")
            .WithSummary("Remove a file from my draft")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapPost("/{id:guid}/information-requests/{requestId:guid}/answer", async Task<Ok<ApplicationResponse>> (
                Guid id, Guid requestId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                string message;
                var files = new List<UploadedFile>();
                if (http.Request.HasFormContentType)
                {
                    var form = await FormBody.ReadAsync(http.Request, ct);
                    message = InputText.Field(form["message"].ToString(), "message")!;
                    files = await ReadFilesAsync(form, ct);
                }
                else if (http.Request.HasJsonContentType())
                {
                    message = (await JsonBody.ReadAsync<AnswerInformationRequest>(http.Request, ct))?.Message ?? "";
                }
                else
                {
                    throw new BadHttpRequestException(
                        "Send the answer as multipart/form-data (a 'message' field and 'file' parts) or as JSON {\"message\": …}.", StatusCodes.Status415UnsupportedMediaType);
                }

                return TypedResults.Ok(await sender.Send(new AnswerInformationRequestCommand(Applicant(http), id, requestId, message, files), ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(64L * 1024 * 1024))
            .WithName("AnswerInformationRequest")
            .WithSummary("Answer the city's information request with a message and files")
            .WithDescription("multipart/form-data: a `message` field and any number of `file` parts (PDF, JPEG, PNG detected from the bytes; at most 10 files of 10 MB), or JSON `{\"message\": …}` without files. The case goes back to the caseworker (InReview); a request answers once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        applications.MapPost("/{id:guid}/messages", async Task<Created<Cases.CaseMessageResponse>> (
                Guid id, PostApplicationMessageRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var message = await sender.Send(new PostApplicationMessageCommand(Applicant(http), id, request.Body), ct);
                return TypedResults.Created($"/api/v1/applications/{id}", message);
            })
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .WithName("PostApplicationMessage")
            .WithSummary("Write to the caseworkers of my submitted application")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        applications.MapApplicantReceipt(Applicant);

        app.MapGet("/api/v1/me/applications", async Task<Ok<CursorPage<ApplicationSummary>>> (
                string? cursor, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyApplicationsQuery(Applicant(http), cursor, limit), ct)))
            .RequireAuthorization(EgovPolicies.FileApplications)
            .WithTags("Applications")
            .WithName("ListMyApplications")
            .WithSummary("My applications, newest first")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<List<UploadedFile>> ReadFilesAsync(IFormCollection form, CancellationToken ct)
    {
        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await file.CopyToAsync(buffer, ct);
            files.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        return files;
    }

    internal static Applicant Applicant(HttpContext http)
    {
        var user = http.User;
        var language = http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "de" or "en") ?? "de";
        return new Applicant(
            user.FindFirstValue(EgovClaimTypes.Subject)!,
            user.FindFirstValue(EgovClaimTypes.AssuranceLevel),
            language,
            user.FindFirstValue(EgovClaimTypes.Name),
            user.FindFirstValue(EgovClaimTypes.Email),
            user.FindFirstValue(EgovClaimTypes.Address));
    }
}

/// <param name="Form">The form's id or key, e.g. <c>hundesteuer-anmeldung</c>.</param>
internal sealed record CreateApplicationRequest(string Form);

/// <param name="Data">The form data so far, a JSON object shaped by the form's schema.</param>
internal sealed record SaveApplicationRequest(JsonElement Data);

/// <param name="Message">The answer: plain text, at most 5,000 characters.</param>
internal sealed record AnswerInformationRequest(string? Message);

/// <param name="Body">Plain text, at most 5,000 characters.</param>
internal sealed record PostApplicationMessageRequest(string Body);
