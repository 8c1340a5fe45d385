using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>CAP output of alerts and the import of official warnings.</summary>
internal static class AlertEndpoints
{
    private const int MaxImportBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts/{id:guid}", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var bytes = await sender.Send(new GetAlertCapQuery(id), ct);
                var etag = EntityTags.OfContent(bytes);
                http.Response.Headers.ETag = etag;
                http.Response.Headers.CacheControl = "public, max-age=60";
                return EntityTags.IfNoneMatchMatches(http, etag)
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Bytes(bytes, "application/cap+xml; charset=utf-8");
            })
            .AllowAnonymous()
            .CachePublicRead(PublicReadAudience.Everyone, null, AnnouncementReadRegion.Name)
            .WithTags("Alerts")
            .WithName("GetAlertCap")
            .WithSummary("A published alert as CAP 1.2 XML (OASIS Common Alerting Protocol)")
            .Produces(StatusCodes.Status200OK, contentType: "application/cap+xml")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/v1/alerts/import", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                var json = mediaType switch
                {
                    "application/json" => true,
                    "application/cap+xml" or "application/xml" or "text/xml" => false,
                    _ => throw new BadHttpRequestException(
                        "Send a CAP 1.2 document (application/cap+xml or application/xml) or the warning app's JSON (application/json).",
                        StatusCodes.Status415UnsupportedMediaType),
                };
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer, ct);
                var view = await sender.Send(new ImportAlertCommand(AuthoringEndpoints.Actor(http), buffer.ToArray(), json), ct);
                http.Response.Headers.ETag = view.ETag;
                return Results.Created($"/api/v1/announcements/{view.Id}/editor", view);
            })
            .RequireAuthorization(EgovPolicies.Staff)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithTags("Alerts")
            .WithName("ImportAlert")
            .WithSummary("Import an official warning (CAP 1.2 XML or the federal warning app's JSON) as a draft alert")
            .WithDescription("Editor or CrisisManager. Hostile or invalid documents are refused with the reasons, keyed by element path (e.g. `alert/scope`): no DTD is processed, no entity or XInclude resolved, nothing fetched. The draft goes through the usual approval; an Update or Cancel is linked to the alert imported earlier from the warning it references.")
            .Produces<AnnouncementEditorView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }
}
