using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Posts;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The posts at <c>/staff/outreach</c>, last changed first, filtered by state, 20 to a page ("older"
/// follows the cursor). An unknown state or a broken cursor shows all posts with a message, never an error page.
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class PostListModel(ISender sender) : OutreachPage
{
    public const int PageSize = 20;

    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetNames<PostStatus>()];

    public string? Status { get; private set; }

    public CursorPage<PostSummary> Posts { get; private set; } = new([], null);

    public bool MayDraft => Actor.MayDraft(crisis: true);

    public async Task OnGetAsync(string? status, string? cursor, CancellationToken cancellationToken)
    {
        Status = Statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        var filter = Status is null ? (PostStatus?)null : Enum.Parse<PostStatus>(Status);
        if (!await TryAsync(async () => Posts = await sender.Send(new ListPostsQuery(Actor, filter, null, cursor, PageSize), cancellationToken)) && Errors.Count > 0)
        {
            // A cursor that is not ours: the first page instead.
            await TryAsync(async () => Posts = await sender.Send(new ListPostsQuery(Actor, filter, null, null, PageSize), cancellationToken));
        }
    }

    public override string FieldId(string key) => key == "cursor" ? "posts-heading" : "status";

    public override string FieldLabel(string key) => key == "cursor" ? PortalText.Pick("Seite", "Page") : PortalText.Pick("Status", "State");
}
