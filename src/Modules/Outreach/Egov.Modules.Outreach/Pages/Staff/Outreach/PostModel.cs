using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Features.Posts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The composer and a post's page at <c>/staff/outreach/posts/new</c> and <c>/staff/outreach/posts/{id}</c>:
/// title, channels, text (common, optionally per channel), link, hashtags, content warning, language;
/// "Check" runs the module's dry-run check (<see cref="CheckDraftQuery"/>, the API's check endpoint)
/// — as a full page without JavaScript, as an HTML fragment for <c>outreach-composer.js</c>; save
/// draft, submit for review, schedule, cancel. A saved post also shows its approval, history and
/// delivery per channel. All through the module's commands; its refusals appear on the page.
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class PostModel(ISender sender) : OutreachPage
{
    /// <summary>The request header <c>outreach-composer.js</c> sends to get the check as a fragment.</summary>
    public const string FragmentHeader = "Egov-Fragment";

    public PostView? Post { get; private set; }

    public ComposerForm Form { get; private set; } = new();

    /// <summary>Enabled channels (to choose from) and, for a saved post, the ones it targets.</summary>
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public IReadOnlyList<PostHistoryView> History { get; private set; } = [];

    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];

    public PostCheckReport? Report { get; private set; }

    public bool Acknowledged { get; private set; }

    public string? Saved { get; private set; }

    /// <summary>The module's refusal to show posts to this staff member's roles (a caseworker).</summary>
    public string? Denied { get; private set; }

    /// <summary>Answering the script's live check with the result alone.</summary>
    public bool IsFragment { get; private set; }

    public string Path => Post is null ? "/staff/outreach/posts/new" : $"/staff/outreach/posts/{Post.Id}";

    public bool MayEdit => Post is null
        ? Actor.MayDraft(crisis: true)
        : Actor.MayDraft(Post.Crisis) && Post.Status is nameof(PostStatus.Draft) or nameof(PostStatus.Rejected) or nameof(PostStatus.InReview) or nameof(PostStatus.Approved) or nameof(PostStatus.Scheduled);

    public bool MaySubmit => MayEdit && Post?.Status is null or nameof(PostStatus.Draft) or nameof(PostStatus.Rejected);

    public bool MaySchedule => Post?.Status is nameof(PostStatus.Approved) && (Actor.IsEditor || Actor.IsApprover);

    public bool MayCancel => Post?.Status is nameof(PostStatus.Draft) or nameof(PostStatus.InReview) or nameof(PostStatus.Rejected) or nameof(PostStatus.Approved) or nameof(PostStatus.Scheduled)
        && (Actor.IsEditor || Actor.IsApprover);

    public string ChannelName(Guid id) => Channels.FirstOrDefault(c => c.Id == id)?.Name ?? id.ToString();

    public async Task<IActionResult> OnGetAsync(string id, string? saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done)
        {
            return done;
        }

        Saved = saved;
        if (Post is not null)
        {
            Form = FormOf(Post);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [FromForm] ComposerForm form, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done)
        {
            return done;
        }

        Form = form;
        return await SaveAsync(cancellationToken) is { } saved ? Redirect($"/staff/outreach/posts/{saved.Id}?saved=draft") : await PageAgainAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string id, [FromForm] ComposerForm form, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done)
        {
            return done;
        }

        Form = form;
        if (await SaveAsync(cancellationToken) is not { } saved)
        {
            return await PageAgainAsync(cancellationToken);
        }

        // Saved: from here on the page is the saved post's (a refused submission leaves it a draft).
        Post = saved;
        Form.Version = saved.Version;
        if (await TryAsync(() => sender.Send(new SubmitPostCommand(Actor, saved.Id, saved.Version), cancellationToken).AsTask()))
        {
            return Redirect($"/staff/outreach/posts/{saved.Id}?saved=submitted");
        }

        Report = RefusedChecks;
        return await PageAgainAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCheckAsync(string id, [FromForm] ComposerForm form, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done)
        {
            return done;
        }

        Form = form;
        var input = Input(withMedia: false);
        await TryAsync(async () => Report = await sender.Send(new CheckDraftQuery(Actor, input), cancellationToken));
        IsFragment = Request.Headers.ContainsKey(FragmentHeader);
        return IsFragment ? Partial("_CheckResult", this) : Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync(string id, int version, string? publishAt, CancellationToken cancellationToken) =>
        await TransitionAsync(id, post => new SchedulePostCommand(Actor, post, version, new SchedulePostInput(string.IsNullOrWhiteSpace(publishAt) ? null : publishAt.Trim())), "scheduled", cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(string id, int version, string? reason, CancellationToken cancellationToken) =>
        await TransitionAsync(id, post => new CancelPostCommand(Actor, post, version, new CancelPostInput(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim())), "cancelled", cancellationToken);

    public override string FieldId(string key)
    {
        var variant = VariantIndex(key);
        var channel = variant is { } i && i < Form.Channels.Count ? Form.Channels[i] : (Guid?)null;
        var field = key[(key.LastIndexOf('.') + 1)..];
        return field.ToLowerInvariant() switch
        {
            "title" => "title",
            "publishat" => "publishAt",
            "reason" => "reason",
            "variants" => Channels.Count > 0 ? $"channel-{Channels[0].Id}" : "title",
            "channelid" => channel is { } c ? $"channel-{c}" : "title",
            "text" when channel is { } c && Form.Override.TryGetValue(c, out var own) && !string.IsNullOrWhiteSpace(own) => $"override-{c}",
            "text" => "text",
            "link" => "link",
            "contentwarning" => "contentWarning",
            "language" => "language",
            _ when field.StartsWith("hashtags", StringComparison.OrdinalIgnoreCase) => "hashtags",
            _ => "text",
        };
    }

    public override string FieldLabel(string key)
    {
        var label = FieldId(key) switch
        {
            "title" => PortalText.Pick("Titel", "Title"),
            "link" => PortalText.Pick("Link", "Link"),
            "hashtags" => PortalText.Pick("Hashtags", "Hashtags"),
            "contentWarning" => PortalText.Pick("Inhaltswarnung", "Content warning"),
            "language" => PortalText.Pick("Sprache", "Language"),
            "publishAt" => PortalText.Pick("Zeitpunkt", "Time"),
            "reason" => PortalText.Pick("Grund", "Reason"),
            var id when id.StartsWith("channel-", StringComparison.Ordinal) => PortalText.Pick("Kanäle", "Channels"),
            _ => PortalText.Pick("Text", "Text"),
        };
        return VariantIndex(key) is { } i && i < Form.Channels.Count ? $"{label} ({ChannelName(Form.Channels[i])})" : label;
    }

    private static int? VariantIndex(string key) =>
        key.StartsWith("variants[", StringComparison.OrdinalIgnoreCase) && int.TryParse(key.AsSpan(9, key.IndexOf(']', StringComparison.Ordinal) - 9), out var i) ? i : null;

    private async Task<IActionResult> TransitionAsync(string id, Func<Guid, ICommand<PostView>> command, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } loaded)
        {
            return loaded;
        }

        if (Post is null)
        {
            return NotFound();
        }

        if (await TryAsync(() => sender.Send(command(Post.Id), cancellationToken).AsTask()))
        {
            return Redirect($"{Path}?saved={done}");
        }

        Form = FormOf(Post);
        return await PageAgainAsync(cancellationToken);
    }

    /// <summary>Creates or edits the post from the form; null when the module refuses.</summary>
    private async Task<PostView?> SaveAsync(CancellationToken cancellationToken)
    {
        PostView? saved = null;
        var input = Input(withMedia: true);
        await TryAsync(async () => saved = Post is null
            ? await sender.Send(new CreatePostCommand(Actor, input), cancellationToken)
            : await sender.Send(new UpdatePostCommand(Actor, Post.Id, Form.Version, input), cancellationToken));
        return saved;
    }

    private PostInput Input(bool withMedia) => new(
        Form.Title,
        Form.Crisis,
        [.. Form.Channels.Distinct().Select(channel => new VariantInput(
            channel,
            Form.TextFor(channel),
            string.IsNullOrWhiteSpace(Form.Language) ? null : Form.Language.Trim(),
            string.IsNullOrWhiteSpace(Form.Link) ? null : Form.Link.Trim(),
            string.IsNullOrWhiteSpace(Form.ContentWarning) ? null : Form.ContentWarning,
            Form.HashtagList(),
            // Images are uploaded through the API; an edit here keeps those of the channel's variant.
            withMedia ? [.. Post?.Variants.FirstOrDefault(v => v.ChannelId == channel)?.Media ?? []] : null))]);

    private static ComposerForm FormOf(PostView post)
    {
        var first = post.Variants.Count > 0 ? post.Variants[0] : null;
        var common = post.Variants.GroupBy(v => v.Text).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        return new ComposerForm
        {
            Title = post.Title,
            Crisis = post.Crisis,
            Channels = [.. post.Variants.Select(v => v.ChannelId)],
            Text = common,
            Override = post.Variants.Where(v => v.Text != common).ToDictionary(v => v.ChannelId, v => (string?)v.Text),
            Link = first?.Link,
            Hashtags = first is null ? null : string.Join(' ', first.Hashtags.Select(h => "#" + h)),
            ContentWarning = first?.ContentWarning,
            Language = first?.Language ?? "de",
            Version = post.Version,
        };
    }

    /// <summary>
    /// Reads the post (null for "new"), the channels and whether I accepted the guidelines. The answer
    /// instead of the handler's: 404 for an id that is neither, the page with the refusal for staff
    /// whose role does not read posts.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (id != "new")
        {
            if (!Guid.TryParse(id, out var postId))
            {
                return NotFound();
            }

            try
            {
                Post = await sender.Send(new GetPostQuery(Actor, postId), cancellationToken);
            }
            catch (ForbiddenException e)
            {
                Denied = e.Message;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            }

            History = await sender.Send(new GetPostHistoryQuery(Actor, postId), cancellationToken);
            Deliveries = (await sender.Send(new ListDeliveriesQuery(Actor, postId, null, null, null, 50), cancellationToken)).Items;
        }

        var all = await sender.Send(new ListChannelsQuery(null), cancellationToken);
        Channels = [.. all.Where(c => c.Enabled || Post?.Variants.Any(v => v.ChannelId == c.Id) == true)];
        Acknowledged = (await sender.Send(new GetGuidelineQuery(Actor, null), cancellationToken)).AcknowledgedAt is not null;
        return null;
    }

    /// <summary>The page again after a refusal, with the post as it stands now (a submission may have saved it first).</summary>
    private async Task<IActionResult> PageAgainAsync(CancellationToken cancellationToken)
    {
        if (Post is not null)
        {
            var current = await sender.Send(new GetPostQuery(Actor, Post.Id), cancellationToken);
            Post = current;
        }

        return Page();
    }
}
