using System.Security.Cryptography;
using System.Text.Json;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.Modules.Outreach.Features.Guidelines;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Files;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Time;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Posts;

internal sealed record CreatePostCommand(OutreachActor Actor, PostInput Input) : ICommand<PostView>;

internal sealed record UpdatePostCommand(OutreachActor Actor, Guid Id, int? IfMatch, PostInput Input) : ICommand<PostView>;

internal sealed record SubmitPostCommand(OutreachActor Actor, Guid Id, int? IfMatch) : ICommand<PostView>;

internal sealed record ApprovePostCommand(OutreachActor Actor, Guid Id, int? IfMatch) : ICommand<PostView>;

internal sealed record RejectPostCommand(OutreachActor Actor, Guid Id, int? IfMatch, RejectPostInput Input) : ICommand<PostView>;

internal sealed record SchedulePostCommand(OutreachActor Actor, Guid Id, int? IfMatch, SchedulePostInput Input) : ICommand<PostView>;

internal sealed record CancelPostCommand(OutreachActor Actor, Guid Id, int? IfMatch, CancelPostInput Input) : ICommand<PostView>;

internal sealed record ReviewBreakGlassCommand(OutreachActor Actor, Guid Id, int? IfMatch, ReviewPostInput Input) : ICommand<PostView>;

internal sealed record UploadPostMediaCommand(OutreachActor Actor, Guid Id, string FileName, byte[] Content) : ICommand<PostMediaView>;

internal sealed record GetPostQuery(OutreachActor Actor, Guid Id) : IQuery<PostView>;

internal sealed record ListPostsQuery(OutreachActor Actor, PostStatus? Status, bool? BreakGlass, string? Cursor, int? Limit) : IQuery<CursorPage<PostSummary>>;

internal sealed record GetPostHistoryQuery(OutreachActor Actor, Guid Id) : IQuery<IReadOnlyList<PostHistoryView>>;

internal sealed record CheckPostQuery(OutreachActor Actor, Guid Id) : IQuery<PostCheckReport>;

internal sealed record CheckDraftQuery(OutreachActor Actor, PostInput Input) : IQuery<PostCheckReport>;

internal sealed record GetPostMediaQuery(OutreachActor Actor, Guid Id, Guid MediaId) : IQuery<PostMedia>;

/// <summary>Posts through the four-eyes approval, with the guidelines gate and the checks on submit and approval.</summary>
internal sealed class PostHandlers(OutreachDbContext db, GuidelineGate gate, PostCheckService checks, WorkSignal<DeliveryEngine> signal, IOptions<OutreachOptions> options, TimeProvider time) :
    ICommandHandler<CreatePostCommand, PostView>,
    ICommandHandler<UpdatePostCommand, PostView>,
    ICommandHandler<SubmitPostCommand, PostView>,
    ICommandHandler<ApprovePostCommand, PostView>,
    ICommandHandler<RejectPostCommand, PostView>,
    ICommandHandler<SchedulePostCommand, PostView>,
    ICommandHandler<CancelPostCommand, PostView>,
    ICommandHandler<ReviewBreakGlassCommand, PostView>,
    ICommandHandler<UploadPostMediaCommand, PostMediaView>,
    IQueryHandler<GetPostQuery, PostView>,
    IQueryHandler<ListPostsQuery, CursorPage<PostSummary>>,
    IQueryHandler<GetPostHistoryQuery, IReadOnlyList<PostHistoryView>>,
    IQueryHandler<CheckPostQuery, PostCheckReport>,
    IQueryHandler<CheckDraftQuery, PostCheckReport>,
    IQueryHandler<GetPostMediaQuery, PostMedia>
{
    /// <summary>Largest image accepted, in bytes (Mastodon's default image limit is 16 MB, Bluesky's 1 MB per image: the adapters scale down where needed).</summary>
    public const int MaxMediaBytes = 10 * 1024 * 1024;

    private record Position(DateTimeOffset UpdatedAt, Guid Id);

    public async ValueTask<PostView> Handle(CreatePostCommand command, CancellationToken cancellationToken)
    {
        EnsureMayDraft(command.Actor, command.Input.Crisis);
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "draft posts", cancellationToken);
        var variants = Variants(command.Input);
        await checks.ResolveChannelsAsync(variants, cancellationToken);
        EnsureNoMedia(variants);
        var post = Post.CreateDraft(command.Input.Title!.Trim(), command.Input.Crisis, variants, command.Actor, version, time.GetUtcNow());
        db.Posts.Add(post);
        await SaveAsync(cancellationToken);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostView> Handle(UpdatePostCommand command, CancellationToken cancellationToken)
    {
        EnsureMayDraft(command.Actor, command.Input.Crisis);
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "edit posts", cancellationToken);
        var post = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        var variants = Variants(command.Input);
        await checks.ResolveChannelsAsync(variants, cancellationToken);
        await EnsureMediaOfPostAsync(post.Id, variants, cancellationToken);
        db.PostVariants.RemoveRange(post.Variants);
        post.Edit(command.Input.Title!.Trim(), command.Input.Crisis, variants, command.Actor, version, time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostView> Handle(SubmitPostCommand command, CancellationToken cancellationToken)
    {
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "submit posts", cancellationToken);
        var post = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        var report = await checks.CheckAsync(post.Variants, post.Id, version, cancellationToken);
        PostCheckService.EnsurePasses(report, "submitted");
        post.Submit(command.Actor, version, PostCheckService.Serialize(report), time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostView> Handle(ApprovePostCommand command, CancellationToken cancellationToken)
    {
        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "approve posts", cancellationToken);
        var post = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        var report = await checks.CheckAsync(post.Variants, post.Id, version, cancellationToken);
        PostCheckService.EnsurePasses(report, "approved");
        post.Approve(command.Actor, version, PostCheckService.Serialize(report), time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostView> Handle(RejectPostCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Input.Reason) || command.Input.Reason.Length > 2000)
        {
            throw new RequestValidationException("reason", "Say why (1 to 2000 characters): the author reads it.");
        }

        var version = await gate.EnsureAcknowledgedAsync(command.Actor, "review posts", cancellationToken);
        var post = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.Reject(command.Actor, command.Input.Reason.Trim(), version, time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostView> Handle(SchedulePostCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var publishAt = BerlinLocalTime.Parse(command.Input.PublishAt, "publishAt") ?? now;
        if (publishAt < now.AddMinutes(-1))
        {
            throw new RequestValidationException("publishAt", "The time is in the past; omit it to publish at once, or choose a later time.");
        }

        var post = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.Schedule(publishAt < now ? now : publishAt, command.Actor, now);
        await SaveAsync(cancellationToken);
        signal.NotifyAfterCommit(db);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostView> Handle(CancelPostCommand command, CancellationToken cancellationToken)
    {
        if (command.Input.Reason?.Length > 2000)
        {
            throw new RequestValidationException("reason", "At most 2000 characters.");
        }

        var post = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.Cancel(command.Actor, command.Input.Reason?.Trim(), time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostView> Handle(ReviewBreakGlassCommand command, CancellationToken cancellationToken)
    {
        if (command.Input.Note?.Length > 2000)
        {
            throw new RequestValidationException("note", "At most 2000 characters.");
        }

        var post = await FindAsync(command.Id, command.IfMatch, cancellationToken);
        post.ReviewBreakGlass(command.Actor, command.Input.Note?.Trim(), time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<PostMediaView> Handle(UploadPostMediaCommand command, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException($"There is no post {command.Id}.");
        EnsureMayDraft(command.Actor, post.IsCrisis);
        var contentType = ImageTypes.Sniff(command.Content)
            ?? throw new RequestValidationException("file", "Must be a PNG, JPEG, GIF or WebP image (recognised by its content, not its name).");
        var now = time.GetUtcNow();
        var media = new PostMedia
        {
            Id = Guid.CreateVersion7(now),
            PostId = post.Id,
            FileName = UploadFileName.Sanitize(command.FileName, "image"),
            ContentType = contentType,
            Length = command.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content)),
            Content = command.Content,
            UploadedAt = now,
            UploadedBySubject = command.Actor.Subject,
        };
        post.NoteMediaAdded(command.Actor, media.FileName, now);
        db.PostMedia.Add(media);
        await SaveAsync(cancellationToken);
        return new PostMediaView(media.Id, media.FileName, media.ContentType, media.Length, media.Sha256, media.UploadedAt);
    }

    public async ValueTask<PostView> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        EnsureMayRead(query.Actor);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no post {query.Id}.");
        return await ViewAsync(post, cancellationToken);
    }

    public async ValueTask<CursorPage<PostSummary>> Handle(ListPostsQuery query, CancellationToken cancellationToken)
    {
        EnsureMayRead(query.Actor);
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        var posts = db.Posts.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status)
        {
            posts = posts.Where(p => p.Status == status);
        }

        if (after is not null)
        {
            posts = posts.Where(p => p.UpdatedAt < after.UpdatedAt || (p.UpdatedAt == after.UpdatedAt && p.Id.CompareTo(after.Id) < 0));
        }

        // The approval is a JSON value: the break-glass filter runs on the page, over a bounded read.
        var rows = await posts.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Take(query.BreakGlass is null ? limit + 1 : 500)
            .Select(p => new { Post = p, Channels = p.Variants.Count })
            .ToListAsync(cancellationToken);
        var summaries = rows
            .Select(r => new PostSummary(r.Post.Id, r.Post.Title, r.Post.Status.ToString(), r.Post.IsCrisis, r.Post.AuthorName, r.Channels,
                r.Post.Approval is { BreakGlass: true } && r.Post.BreakGlassReviewedAt is null, r.Post.PublishAt, r.Post.UpdatedAt))
            .Where(s => query.BreakGlass is not { } breakGlass || s.BreakGlassAwaitingReview == breakGlass)
            .Take(limit + 1)
            .ToList();
        var items = summaries.Count > limit ? summaries[..limit] : summaries;
        return new CursorPage<PostSummary>(items, summaries.Count > limit ? Cursor.Encode(new Position(items[^1].UpdatedAt, items[^1].Id)) : null);
    }

    public async ValueTask<IReadOnlyList<PostHistoryView>> Handle(GetPostHistoryQuery query, CancellationToken cancellationToken)
    {
        EnsureMayRead(query.Actor);
        if (!await db.Posts.AnyAsync(p => p.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException($"There is no post {query.Id}.");
        }

        var entries = await db.PostHistory.AsNoTracking().Where(h => h.PostId == query.Id).OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
        return [.. entries.Select(h => new PostHistoryView(h.Sequence, h.At, h.ActorName, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(), h.Note, h.GuidelineVersion,
            h.CheckResults is null ? null : JsonSerializer.Deserialize<JsonElement>(h.CheckResults)))];
    }

    public async ValueTask<PostCheckReport> Handle(CheckPostQuery query, CancellationToken cancellationToken)
    {
        EnsureMayRead(query.Actor);
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no post {query.Id}.");
        var report = await checks.CheckAsync(post.Variants, post.Id, await CurrentGuidelineAsync(cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // limits read again from an instance
        return report;
    }

    public async ValueTask<PostCheckReport> Handle(CheckDraftQuery query, CancellationToken cancellationToken)
    {
        EnsureMayDraft(query.Actor, query.Input.Crisis);
        var variants = Variants(query.Input);
        EnsureNoMedia(variants);
        var report = await checks.CheckAsync(variants, null, await CurrentGuidelineAsync(cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    public async ValueTask<PostMedia> Handle(GetPostMediaQuery query, CancellationToken cancellationToken)
    {
        EnsureMayRead(query.Actor);
        return await db.PostMedia.AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.MediaId && m.PostId == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no image {query.MediaId} on post {query.Id}.");
    }

    private static List<PostVariant> Variants(PostInput input) =>
        [.. input.Variants!.Select(v => new PostVariant
        {
            Id = Guid.NewGuid(),
            ChannelId = v.ChannelId!.Value,
            Text = v.Text!,
            Language = v.Language ?? "de",
            Link = string.IsNullOrWhiteSpace(v.Link) ? null : v.Link.Trim(),
            ContentWarning = string.IsNullOrWhiteSpace(v.ContentWarning) ? null : v.ContentWarning,
            Hashtags = [.. (v.Hashtags ?? []).Select(h => h.TrimStart('#'))],
            Media = [.. (v.Media ?? []).Select(m => new VariantMedia(m.MediaId!.Value, string.IsNullOrWhiteSpace(m.AltText) ? null : m.AltText.Trim()))],
        })];

    /// <summary>A new post has no images yet: they are uploaded to it, then named in an edit.</summary>
    private static void EnsureNoMedia(List<PostVariant> variants)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i].Media.Count > 0)
            {
                throw new RequestValidationException($"variants[{i}].media", "Upload images to the saved draft first (POST /api/v1/outreach/posts/{id}/media), then name them in an edit.");
            }
        }
    }

    private async Task EnsureMediaOfPostAsync(Guid postId, List<PostVariant> variants, CancellationToken cancellationToken)
    {
        var ids = variants.SelectMany(v => v.Media.Select(m => m.MediaId)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var known = await db.PostMedia.Where(m => m.PostId == postId && ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < variants.Count; i++)
        {
            for (var j = 0; j < variants[i].Media.Count; j++)
            {
                if (!known.Contains(variants[i].Media[j].MediaId))
                {
                    throw new RequestValidationException($"variants[{i}].media[{j}].mediaId", $"There is no image {variants[i].Media[j].MediaId} uploaded to this post.");
                }
            }
        }
    }

    private static void EnsureMayDraft(OutreachActor actor, bool crisis)
    {
        if (!actor.MayDraft(crisis))
        {
            throw new ForbiddenException(crisis ? "Crisis posts are written by Editors or CrisisManagers." : "Posts are written by Editors.");
        }
    }

    private static void EnsureMayRead(OutreachActor actor)
    {
        if (!(actor.IsEditor || actor.IsApprover || actor.IsCrisisManager || actor.IsAdministrator))
        {
            throw new ForbiddenException("Posts are for the Editor, Approver, CrisisManager and Administrator roles.");
        }
    }

    private Task<int?> CurrentGuidelineAsync(CancellationToken cancellationToken) => db.Guidelines.MaxAsync(g => (int?)g.Version, cancellationToken);

    private async Task<PostView> ViewAsync(Post post, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var alertActive = options.Value.HoldPostsDuringAlerts && await db.ActiveAlerts.AnyAsync(a => a.Expires > now, cancellationToken);
        return PostView.From(post, alertActive);
    }

    private async Task<Post> FindAsync(Guid id, int? ifMatch, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException($"There is no post {id}.");
        if (ifMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the post's ETag as you last read it.");
        }

        return ifMatch == post.Version
            ? post
            : throw new PreconditionFailedException("The post changed since you read it; read it again, check the change, then retry.");
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("The post was changed by someone else at the same time; read it again, then retry.");
        }
    }
}
