using Egov.Modules.Forms.Contracts;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>The form catalog (public) and its administration (policy Administer).</summary>
internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapFormEndpoints(this RouteGroupBuilder forms)
    {
        forms.MapGet("/", async (string? cursor, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
                ConditionalJson.Result(http, await sender.Send(new ListFormsQuery(cursor, limit), ct)))
            .AllowAnonymous()
            .CachePublicRead(PublicReadAudience.Everyone, null, FormReadRegion.Name)
            .WithName("ListForms")
            .WithSummary("The form catalog")
            .WithDescription("Forms with a published version, ordered by key; cursor paging (`limit` 1–100, default 20). Strong ETag; `If-None-Match` answers 304. Cache-Control public, max-age 60.")
            .Produces<CursorPage<FormSummary>>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        forms.MapGet("/{idOrKey}", async (string idOrKey, int? version, HttpContext http, ISender sender, CancellationToken ct) =>
                ConditionalJson.Result(http, await sender.Send(new GetFormQuery(idOrKey, version), ct)))
            .AllowAnonymous()
            .CachePublicRead(PublicReadAudience.Everyone, null, FormReadRegion.Name)
            .WithName("GetForm")
            .WithSummary("A published form definition")
            .WithDescription("The current published version (or `?version=n`) with its JSON Schema 2020-12, JSON Forms UI layout, translations and attachment slots. Strong ETag; `If-None-Match` answers 304. Cache-Control public, max-age 60.")
            .Produces<FormVersionResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        forms.MapPost("/", async Task<Created<FormVersionResponse>> (FormDocument definition, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateFormCommand(definition), ct);
                return TypedResults.Created($"/api/v1/forms/{created.FormId}/versions/{created.Version}", created);
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("CreateForm")
            .WithSummary("Create a form (first version as draft)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        forms.MapGet("/{formId:guid}/versions", async Task<Ok<IReadOnlyList<FormVersionResponse>>> (Guid formId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListFormVersionsQuery(formId), ct)))
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("ListFormVersions")
            .WithSummary("All versions of a form, drafts included");

        forms.MapGet("/{formId:guid}/versions/{version:int}", async Task<Ok<FormVersionResponse>> (Guid formId, int version, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetFormVersionQuery(formId, version), ct)))
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("GetFormVersion")
            .WithSummary("One version of a form, draft or published")
            .ProducesProblem(StatusCodes.Status404NotFound);

        forms.MapPost("/{formId:guid}/versions", async Task<Created<FormVersionResponse>> (Guid formId, FormDocument definition, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new AddFormVersionCommand(formId, definition), ct);
                return TypedResults.Created($"/api/v1/forms/{created.FormId}/versions/{created.Version}", created);
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("AddFormVersion")
            .WithSummary("Add the next version as a draft")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        forms.MapPut("/{formId:guid}/versions/{version:int}", async Task<Ok<FormVersionResponse>> (Guid formId, int version, FormDocument definition, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateFormDraftCommand(formId, version, definition), ct)))
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("UpdateFormDraft")
            .WithSummary("Replace a draft version (published versions are immutable: 409)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        forms.MapPost("/{formId:guid}/versions/{version:int}/publish", async Task<Ok<FormVersionResponse>> (Guid formId, int version, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PublishFormVersionCommand(formId, version), ct)))
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("PublishFormVersion")
            .WithSummary("Publish a draft version")
            .ProducesProblem(StatusCodes.Status409Conflict);

        forms.MapPost("/{formId:guid}/retire", async Task<NoContent> (Guid formId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RetireFormCommand(formId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithName("RetireForm")
            .WithSummary("Take a form out of the catalog")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return forms;
    }
}
