using System.Security.Claims;
using System.Text.Json;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
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
            .WithDescription("Validates the data against the form version's JSON Schema on the server (hidden conditional sections are dropped), freezes it and gives the reference number. Errors: one 400 problem with an entry per field (JSON pointer), in German or English by `Accept-Language`.")
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

    private static Applicant Applicant(HttpContext http)
    {
        var user = http.User;
        var language = http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "de" or "en") ?? "de";
        return new Applicant(user.FindFirstValue(EgovClaimTypes.Subject)!, user.FindFirstValue(EgovClaimTypes.AssuranceLevel), language);
    }
}

/// <param name="Form">The form's id or key, e.g. <c>hundesteuer-anmeldung</c>.</param>
internal sealed record CreateApplicationRequest(string Form);

/// <param name="Data">The form data so far, a JSON object shaped by the form's schema.</param>
internal sealed record SaveApplicationRequest(JsonElement Data);
