using Egov.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Announcements.Features.ListAnnouncements;

internal static class ListAnnouncementsEndpoint
{
    public static RouteGroupBuilder MapListAnnouncements(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<CursorPage<AnnouncementSummary>>> (
                string? kind, string? cursor, int? limit, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListAnnouncementsQuery(kind, cursor, limit), cancellationToken)))
            .AllowAnonymous()
            .WithName("ListAnnouncements")
            .WithSummary("List published announcements")
            .WithDescription("Published, unexpired announcements, newest first. Page with `limit` (1–100, default 20) and the `nextCursor` of the previous page.")
            .ProducesValidationProblem();
        return group;
    }
}
