using Egov.Modules.Announcements.Features.Authoring;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>
/// <c>/api/v1/alerts/templates</c>: crisis templates. Reading and writing for staff with the Editor or CrisisManager
/// role (Approvers read), approval with the policy <see cref="EgovPolicies.ApproveContent"/>, issuing with
/// <see cref="EgovPolicies.IssueAlerts"/>.
/// </summary>
internal static class AlertTemplateEndpoints
{
    private const string IfMatchNote = " Needs `If-Match` with the ETag last read: 428 without, 412 when it changed since.";

    public static IEndpointRouteBuilder MapAlertTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts/templates").WithTags("Alerts (crisis templates)");

        group.MapGet("/", async Task<Ok<IReadOnlyList<AlertTemplateView>>> (HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAlertTemplatesQuery(AuthoringEndpoints.Actor(http)), ct)))
            .RequireAuthorization(EgovPolicies.Staff)
            .WithName("ListAlertTemplates")
            .WithSummary("The crisis templates by name, with revision, approval and the placeholders each uses (Editor, Approver, CrisisManager)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async Task<Ok<AlertTemplateView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new GetAlertTemplateQuery(AuthoringEndpoints.Actor(http), id), ct)))
            .RequireAuthorization(EgovPolicies.Staff)
            .WithName("GetAlertTemplate")
            .WithSummary("One crisis template with its ETag")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<AlertTemplateView>> (AlertTemplateInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateAlertTemplateCommand(AuthoringEndpoints.Actor(http), input), ct);
                http.Response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/v1/alerts/templates/{created.Id}", created);
            })
            .RequireAuthorization(EgovPolicies.Staff)
            .WithMetadata(new RequestSizeLimitAttribute(256 * 1024))
            .WithName("CreateAlertTemplate")
            .WithSummary("Write a crisis template (Editor or CrisisManager): texts in de, de-x-ls, en with placeholders {Ort}, {Zeit}, {Datum}, {Gebiet}, {Straße}; channels; CAP fields")
            .WithDescription("An unknown placeholder is refused (400 naming the field, e.g. `variants[0].text`). The template needs an Approver's approval before it can be issued.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapPut("/{id:guid}", async Task<Ok<AlertTemplateView>> (Guid id, AlertTemplateInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new UpdateAlertTemplateCommand(AuthoringEndpoints.Actor(http), id, EntityTags.IfMatchRevision(http), input), ct)))
            .RequireAuthorization(EgovPolicies.Staff)
            .WithMetadata(new RequestSizeLimitAttribute(256 * 1024))
            .WithName("UpdateAlertTemplate")
            .WithSummary("A new revision of a crisis template (Editor or CrisisManager); the approval is dropped")
            .WithDescription(IfMatchNote.Trim())
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:guid}/approve", async Task<Ok<AlertTemplateView>> (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                WithETag(http, await sender.Send(new ApproveAlertTemplateCommand(AuthoringEndpoints.Actor(http), id, EntityTags.IfMatchRevision(http)), ct)))
            .RequireAuthorization(EgovPolicies.ApproveContent)
            .WithName("ApproveAlertTemplate")
            .WithSummary("Approve the current revision of a crisis template (Approver; never the revision's author: four eyes)")
            .WithDescription(IfMatchNote.Trim())
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:guid}/issue", async Task<Created<AlertTemplateIssueView>> (Guid id, IssueAlertTemplateRequest? request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var issued = await sender.Send(new IssueAlertTemplateCommand(AuthoringEndpoints.Actor(http), id, request), ct);
                return TypedResults.Created($"/api/v1/announcements/{issued.AlertId}/editor", issued);
            })
            .RequireAuthorization(EgovPolicies.IssueAlerts)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .WithName("IssueAlertTemplate")
            .WithSummary("Issue an alert from an approved crisis template (CrisisManager): fills the placeholders, publishes at once as break-glass")
            .WithDescription("Body `{\"values\": {\"Ort\": \"Südstadt\", \"Zeit\": \"14:30\"}}`: a value for every placeholder the template uses (a missing one is 400 `values.Zeit`). An unapproved revision is 409. The alert is in force from now for the template's `validHours`; who issued it from which revision is recorded.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static Ok<AlertTemplateView> WithETag(HttpContext http, AlertTemplateView view)
    {
        http.Response.Headers.ETag = view.ETag;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(view);
    }
}
