using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Features.Posts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The press office's queue at <c>/staff/outreach/approvals</c>: posts in review, each with its
/// variants and the check report as it stands now, to approve (the module records who, when, the
/// guideline version and the report; four eyes: it refuses a contributor, and the page says why) or to
/// reject with a reason; and the break-glass approvals awaiting review.
/// </summary>
[Authorize(Policy = EgovPolicies.ApproveContent)]
internal sealed class ApprovalsModel(ISender sender) : OutreachPage
{
    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    public IReadOnlyList<PostView> BreakGlass { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ChannelNames { get; private set; } = new Dictionary<Guid, string>();

    public bool Acknowledged { get; private set; }

    /// <summary>The post the last refused action was about.</summary>
    public Guid? RefusedPost { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostApproveAsync(Guid postId, int version, CancellationToken cancellationToken) =>
        ActAsync(postId, new ApprovePostCommand(Actor, postId, version), "approved", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid postId, int version, string? reason, CancellationToken cancellationToken) =>
        ActAsync(postId, new RejectPostCommand(Actor, postId, version, new RejectPostInput(reason)), "rejected", cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(Guid postId, int version, string? note, CancellationToken cancellationToken) =>
        ActAsync(postId, new ReviewBreakGlassCommand(Actor, postId, version, new ReviewPostInput(string.IsNullOrWhiteSpace(note) ? null : note.Trim())), "reviewed", cancellationToken);

    public override string FieldId(string key) => $"{key}-{RefusedPost}";

    public override string FieldLabel(string key) => key == "reason" ? PortalText.Pick("Grund", "Reason") : PortalText.Pick("Notiz", "Note");

    /// <summary>The module's four-eyes refusal in the page's language.</summary>
    public string? FourEyes => Refusal?.Contains("four-eyes", StringComparison.Ordinal) == true
        ? PortalText.Pick("Sie haben diesen Beitrag verfasst oder bearbeitet. Eine andere Person der Pressestelle muss ihn freigeben (Vier-Augen-Prinzip).",
            "You wrote or edited this post. Another person of the press office must approve it (four-eyes principle).")
        : null;

    private async Task<IActionResult> ActAsync(Guid postId, ICommand<PostView> command, string done, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => sender.Send(command, cancellationToken).AsTask()))
        {
            return Redirect($"/staff/outreach/approvals?done={done}");
        }

        RefusedPost = postId;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = Actor;
        Acknowledged = (await sender.Send(new GetGuidelineQuery(actor, null), cancellationToken)).AcknowledgedAt is not null;
        ChannelNames = (await sender.Send(new Features.Channels.ListChannelsQuery(null), cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var inReview = await sender.Send(new ListPostsQuery(actor, PostStatus.InReview, null, null, 50), cancellationToken);
        var queue = new List<QueueItem>(inReview.Items.Count);
        foreach (var summary in inReview.Items)
        {
            var post = await sender.Send(new GetPostQuery(actor, summary.Id), cancellationToken);
            try
            {
                queue.Add(new QueueItem(post, await sender.Send(new CheckPostQuery(actor, summary.Id), cancellationToken), null));
            }
            catch (RequestValidationException e)
            {
                // E.g. a channel was disabled since the submission: approval will refuse it too; say so here.
                queue.Add(new QueueItem(post, null, string.Join(" ", e.Errors.Values.SelectMany(m => m))));
            }
        }

        Queue = queue;
        var breakGlass = new List<PostView>();
        foreach (var summary in (await sender.Send(new ListPostsQuery(actor, null, true, null, 50), cancellationToken)).Items)
        {
            breakGlass.Add(await sender.Send(new GetPostQuery(actor, summary.Id), cancellationToken));
        }

        BreakGlass = breakGlass;
    }

    /// <summary>A post in review with its check report as it stands now.</summary>
    internal sealed record QueueItem(PostView Post, PostCheckReport? Report, string? CheckProblem);
}
