using Egov.SharedKernel.Errors;

namespace Egov.Modules.Outreach.Domain.Posts;

/// <summary>
/// A post (Beitrag) of the city with one variant per channel, through the four-eyes approval: an
/// editor drafts and submits, an Approver (press office) who did not write or edit it approves or
/// rejects. The only exception is break-glass: a CrisisManager may approve their own crisis post,
/// which is recorded and listed for review afterwards. Editing an approved post sends it back to
/// review. Every step is appended to the post's history.
/// </summary>
internal sealed class Post
{
    private Post()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Internal working title for lists (not sent anywhere).</summary>
    public string Title { get; private set; } = "";

    public PostStatus Status { get; private set; }

    /// <summary>A crisis post: goes out while alerts hold other posts; a CrisisManager may approve it alone.</summary>
    public bool IsCrisis { get; private set; }

    public string AuthorSubject { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    /// <summary>Everyone who wrote or edited the text (the author first); none of them may approve it.</summary>
    public List<string> ContributorSubjects { get; private set; } = [];

    public List<PostVariant> Variants { get; private set; } = [];

    public List<PostHistoryEntry> History { get; private set; } = [];

    /// <summary>Number of history entries (the last sequence number).</summary>
    public int HistoryCount { get; private set; }

    public PostApproval? Approval { get; private set; }

    /// <summary>When a break-glass approval was reviewed by an Approver (UTC).</summary>
    public DateTimeOffset? BreakGlassReviewedAt { get; private set; }

    public string? BreakGlassReviewedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>When it is due to go out (UTC); set by scheduling.</summary>
    public DateTimeOffset? PublishAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (ETag).</summary>
    public int Version { get; private set; }

    /// <summary>The crisis alert this post announces (alert fan-out), or null.</summary>
    public Guid? AlertId { get; private set; }

    /// <summary>The announcement this post shares (cross-posting), or null.</summary>
    public Guid? AnnouncementId { get; private set; }

    /// <summary>For an alert's update or cancellation: the earlier alert whose posts this one answers in their threads.</summary>
    public Guid? ReplyToAlertId { get; private set; }

    public bool IsEditable => Status is PostStatus.Draft or PostStatus.Rejected or PostStatus.InReview or PostStatus.Approved or PostStatus.Scheduled;

    public static Post CreateDraft(string title, bool crisis, IEnumerable<PostVariant> variants, OutreachActor author, int guidelineVersion, DateTimeOffset now)
    {
        if (!author.MayDraft(crisis))
        {
            throw new ForbiddenException(crisis
                ? "Crisis posts are drafted by Editors or CrisisManagers."
                : "Posts are drafted by Editors (a CrisisManager drafts crisis posts).");
        }

        var post = new Post
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            IsCrisis = crisis,
            Status = PostStatus.Draft,
            AuthorSubject = author.Subject,
            AuthorName = author.Name,
            ContributorSubjects = [author.Subject],
            CreatedAt = now,
            UpdatedAt = now,
        };
        post.ReplaceVariants(variants);
        post.Record(author, "created", null, now, guidelineVersion: guidelineVersion);
        return post;
    }

    /// <summary>
    /// The crisis post of an alert (fan-out): approved by break-glass in the system's name, due now.
    /// The break-glass approval is listed for the press office's review like any other.
    /// </summary>
    public static Post CreateAlertPost(Guid alertId, Guid? repliesToAlertId, string title, IEnumerable<PostVariant> variants, int guidelineVersion, string checkResults, DateTimeOffset now)
    {
        var system = OutreachActor.System;
        var post = new Post
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            IsCrisis = true,
            AlertId = alertId,
            ReplyToAlertId = repliesToAlertId,
            Status = PostStatus.Draft,
            AuthorSubject = system.Subject,
            AuthorName = system.Name,
            ContributorSubjects = [system.Subject],
            CreatedAt = now,
            UpdatedAt = now,
        };
        post.ReplaceVariants(variants);
        post.Record(system, "created", null, now, note: $"Alert {alertId}");
        post.Status = PostStatus.Approved;
        post.Approval = new PostApproval(system.Subject, system.Name, now, guidelineVersion, BreakGlass: true, checkResults);
        post.Record(system, "approved-break-glass", PostStatus.Draft, now, guidelineVersion: guidelineVersion, checkResults: checkResults);
        post.Status = PostStatus.Scheduled;
        post.PublishAt = now;
        post.Record(system, "scheduled", PostStatus.Approved, now);
        return post;
    }

    /// <summary>
    /// A post drafted from a published announcement (cross-posting). With <paramref name="autoApprove"/>
    /// (every target channel's policy allows it, and the checks passed) it is approved in the system's
    /// name and due now; otherwise it waits for the press office in review — or, when a check blocks,
    /// stays a draft for the editors.
    /// </summary>
    public static Post CreateCrossPost(Guid announcementId, string title, IEnumerable<PostVariant> variants, bool checksPass, bool autoApprove, int guidelineVersion, string checkResults, DateTimeOffset now)
    {
        var system = OutreachActor.System;
        var post = new Post
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            AnnouncementId = announcementId,
            Status = PostStatus.Draft,
            AuthorSubject = system.Subject,
            AuthorName = system.Name,
            ContributorSubjects = [system.Subject],
            CreatedAt = now,
            UpdatedAt = now,
        };
        post.ReplaceVariants(variants);
        post.Record(system, "created", null, now, note: $"Announcement {announcementId}", checkResults: checksPass ? null : checkResults);
        if (!checksPass)
        {
            return post;
        }

        post.Status = PostStatus.InReview;
        post.Record(system, "submitted", PostStatus.Draft, now, checkResults: checkResults);
        if (autoApprove)
        {
            post.Status = PostStatus.Approved;
            post.Approval = new PostApproval(system.Subject, "Egov (channel policy: auto-approve)", now, guidelineVersion, BreakGlass: false, checkResults);
            post.Record(system, "auto-approved", PostStatus.InReview, now, note: "Every target channel's cross-post policy is AutoApprove.", guidelineVersion: guidelineVersion, checkResults: checkResults);
            post.Status = PostStatus.Scheduled;
            post.PublishAt = now;
            post.Record(system, "scheduled", PostStatus.Approved, now);
        }

        return post;
    }

    /// <summary>
    /// The farewell of a retired channel (exit kit, ADR 0027), drafted by Egov in the name of the administrator who retired
    /// it: that person is its author and contributor, so someone else approves it (four eyes). When the checks pass it waits
    /// in review; when one blocks (a farewell naming many channels may be too long) it stays a draft for the editors.
    /// </summary>
    public static Post CreateFarewell(string title, PostVariant variant, OutreachActor retiredBy, bool checksPass, int guidelineVersion, string checkResults, DateTimeOffset now)
    {
        var post = new Post
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            Status = PostStatus.Draft,
            AuthorSubject = retiredBy.Subject,
            AuthorName = retiredBy.Name,
            ContributorSubjects = [retiredBy.Subject],
            CreatedAt = now,
            UpdatedAt = now,
        };
        post.ReplaceVariants([variant]);
        post.Record(retiredBy, "created", null, now, note: "Farewell of a retired channel", guidelineVersion: guidelineVersion, checkResults: checksPass ? null : checkResults);
        if (checksPass)
        {
            post.Status = PostStatus.InReview;
            post.Record(retiredBy, "submitted", PostStatus.Draft, now, guidelineVersion: guidelineVersion, checkResults: checkResults);
        }

        return post;
    }

    /// <summary>
    /// Approves a submitted answer without a second person because its text is one of the channel's approved
    /// acknowledgements (the channel's acknowledgement policy), and makes it due now. Recorded as such in the history.
    /// </summary>
    /// <exception cref="ConflictException">Not in review.</exception>
    public void ApproveByAcknowledgementPolicy(string channelName, int guidelineVersion, string checkResults, DateTimeOffset now)
    {
        if (Status != PostStatus.InReview)
        {
            throw Transition("approved", PostStatus.InReview);
        }

        var system = OutreachActor.System;
        Status = PostStatus.Approved;
        Approval = new PostApproval(system.Subject, "Egov (channel policy: acknowledgement)", now, guidelineVersion, BreakGlass: false, checkResults);
        Record(system, "auto-approved", PostStatus.InReview, now, note: $"The text is an approved acknowledgement of the channel {channelName}.", guidelineVersion: guidelineVersion, checkResults: checkResults);
        Status = PostStatus.Scheduled;
        PublishAt = now;
        Record(system, "scheduled", PostStatus.Approved, now);
    }

    /// <summary>
    /// Moves the post off a retired channel (exit kit): its variant there is replaced by <paramref name="replacements"/>
    /// (copies on the chosen channels), or simply dropped. An approved or scheduled post goes back to review: the approval
    /// covered the exact texts of the old channel, not what the new platforms receive. A post left without any channel is
    /// cancelled. The administrator who moved it becomes a contributor (and so cannot approve it).
    /// </summary>
    /// <returns>Whether the post was cancelled.</returns>
    public bool MoveOffChannel(Guid retiredChannelId, string retiredChannelName, IReadOnlyList<PostVariant> replacements, OutreachActor actor, DateTimeOffset now)
    {
        EnsureEditable("moved to other channels");
        var remaining = Variants.Where(v => v.ChannelId != retiredChannelId).ToList();
        var from = Status;
        if (remaining.Count == 0 && replacements.Count == 0)
        {
            Status = PostStatus.Cancelled;
            Record(actor, "cancelled", from, now, note: $"Its only channel {retiredChannelName} was retired.");
            return true;
        }

        ReplaceVariants([.. remaining, .. replacements]);
        if (!ContributorSubjects.Contains(actor.Subject))
        {
            ContributorSubjects = [.. ContributorSubjects, actor.Subject];
        }

        if (Status is PostStatus.Approved or PostStatus.Scheduled)
        {
            Status = PostStatus.InReview;
            Approval = null;
            PublishAt = null;
        }

        Record(actor, "moved", from, now, note: replacements.Count == 0
            ? $"Channel {retiredChannelName} retired: dropped from this post."
            : $"Channel {retiredChannelName} retired: moved to {replacements.Count} replacement channel(s).");
        return false;
    }

    /// <summary>The delivery engine starts sending a due post (its deliveries are created with it).</summary>
    public void StartPublishing(DateTimeOffset now)
    {
        if (Status != PostStatus.Scheduled)
        {
            throw Transition("published", PostStatus.Scheduled);
        }

        Status = PostStatus.Publishing;
        Record(OutreachActor.System, "publishing", PostStatus.Scheduled, now);
    }

    /// <summary>Whether no delivery is still pending or sending.</summary>
    public static bool AllEnded(IEnumerable<Deliveries.DeliveryStatus> deliveries) =>
        !deliveries.Any(s => s is Deliveries.DeliveryStatus.Pending or Deliveries.DeliveryStatus.Sending);

    /// <summary>Completes publishing once none of <paramref name="deliveries"/> is still pending or sending.</summary>
    /// <returns>Whether all had ended.</returns>
    public bool CompleteIfDelivered(IReadOnlyCollection<Deliveries.DeliveryStatus> deliveries, DateTimeOffset now)
    {
        if (!AllEnded(deliveries))
        {
            return false;
        }

        CompletePublishing(deliveries.Count(s => s == Deliveries.DeliveryStatus.Sent),
            deliveries.Count(s => s is Deliveries.DeliveryStatus.Failed or Deliveries.DeliveryStatus.Uncertain), now);
        return true;
    }

    /// <summary>All deliveries ended: Published when every one was sent, Failed when none, PartiallyFailed otherwise.</summary>
    public void CompletePublishing(int sent, int notSent, DateTimeOffset now)
    {
        if (Status is not (PostStatus.Publishing or PostStatus.PartiallyFailed or PostStatus.Failed))
        {
            return;
        }

        var from = Status;
        Status = notSent == 0 ? PostStatus.Published : sent == 0 ? PostStatus.Failed : PostStatus.PartiallyFailed;
        if (Status != from)
        {
            Record(OutreachActor.System, Status == PostStatus.Published ? "published" : Status == PostStatus.Failed ? "failed" : "partially-failed",
                from, now, note: $"{sent} sent, {notSent} not sent");
        }
    }

    /// <summary>A person retries the failed deliveries of a partially failed or failed post.</summary>
    public void ResumePublishing(OutreachActor actor, DateTimeOffset now)
    {
        if (Status is not (PostStatus.PartiallyFailed or PostStatus.Failed or PostStatus.Publishing))
        {
            throw Transition("retried", PostStatus.PartiallyFailed, PostStatus.Failed, PostStatus.Publishing);
        }

        var from = Status;
        Status = PostStatus.Publishing;
        Record(actor, "retried", from, now);
    }

    /// <summary>Replaces title and variants. An approved or scheduled post goes back to review; a rejected one becomes a draft.</summary>
    /// <exception cref="ConflictException">It is publishing, published, failed or cancelled.</exception>
    /// <exception cref="ForbiddenException">The actor may not draft this kind of post.</exception>
    public void Edit(string title, bool crisis, IEnumerable<PostVariant> variants, OutreachActor actor, int guidelineVersion, DateTimeOffset now)
    {
        EnsureEditable("edited");
        if (!actor.MayDraft(crisis) || !actor.MayDraft(IsCrisis))
        {
            throw new ForbiddenException("Posts are edited by Editors (crisis posts also by CrisisManagers).");
        }

        Title = title;
        IsCrisis = crisis;
        ReplaceVariants(variants);
        if (!ContributorSubjects.Contains(actor.Subject))
        {
            ContributorSubjects = [.. ContributorSubjects, actor.Subject];
        }

        var from = Status;
        Status = Status switch
        {
            PostStatus.Approved or PostStatus.Scheduled => PostStatus.InReview,
            PostStatus.Rejected => PostStatus.Draft,
            _ => Status,
        };
        if (from is PostStatus.Approved or PostStatus.Scheduled)
        {
            Approval = null;
            PublishAt = null;
        }

        Record(actor, "edited", from, now, note: from != Status ? $"Changed after {from}: back to review." : null, guidelineVersion: guidelineVersion);
    }

    /// <summary>Hands the post to the press office. The checks must have passed (the caller runs them).</summary>
    /// <exception cref="ConflictException">Not a draft or rejected post.</exception>
    public void Submit(OutreachActor actor, int guidelineVersion, string checkResults, DateTimeOffset now)
    {
        if (Status is not (PostStatus.Draft or PostStatus.Rejected))
        {
            throw Transition("submitted", PostStatus.Draft, PostStatus.Rejected);
        }

        if (!actor.MayDraft(IsCrisis))
        {
            throw new ForbiddenException("Posts are submitted by Editors (crisis posts also by CrisisManagers).");
        }

        var from = Status;
        Status = PostStatus.InReview;
        RejectionReason = null;
        Record(actor, "submitted", from, now, guidelineVersion: guidelineVersion, checkResults: checkResults);
    }

    /// <summary>
    /// Approves the post (four eyes): by an Approver who neither wrote nor edited it, or — break-glass —
    /// by a CrisisManager for their own crisis post. The checks must have passed (the caller runs them).
    /// </summary>
    /// <exception cref="ForbiddenException">Self-approval, or the actor is no Approver.</exception>
    /// <exception cref="ConflictException">Not in review (a crisis post may also be approved from its draft).</exception>
    public void Approve(OutreachActor actor, int guidelineVersion, string checkResults, DateTimeOffset now)
    {
        var ownPost = ContributorSubjects.Contains(actor.Subject);
        var breakGlass = IsCrisis && actor.IsCrisisManager && (ownPost || !actor.IsApprover);
        if (!breakGlass)
        {
            if (!actor.IsApprover)
            {
                throw new ForbiddenException("Posts are approved by the press office (Approver role); a CrisisManager may approve crisis posts.");
            }

            if (ownPost)
            {
                throw new ForbiddenException(AuthorSubject == actor.Subject
                    ? "You wrote this post; another Approver must approve it (four-eyes principle)."
                    : "You edited this post; another Approver must approve it (four-eyes principle).");
            }
        }

        var allowedFrom = breakGlass ? new[] { PostStatus.InReview, PostStatus.Draft, PostStatus.Rejected } : [PostStatus.InReview];
        if (!allowedFrom.Contains(Status))
        {
            throw Transition("approved", allowedFrom);
        }

        var from = Status;
        Status = PostStatus.Approved;
        Approval = new PostApproval(actor.Subject, actor.Name, now, guidelineVersion, breakGlass, checkResults);
        BreakGlassReviewedAt = null;
        BreakGlassReviewedBy = null;
        Record(actor, breakGlass ? "approved-break-glass" : "approved", from, now, guidelineVersion: guidelineVersion, checkResults: checkResults);
    }

    /// <summary>Sends the post back to its author with a reason.</summary>
    /// <exception cref="ForbiddenException">The actor is no Approver.</exception>
    /// <exception cref="ConflictException">Not in review.</exception>
    public void Reject(OutreachActor actor, string reason, int guidelineVersion, DateTimeOffset now)
    {
        if (!actor.IsApprover)
        {
            throw new ForbiddenException("Posts are rejected by the press office (Approver role).");
        }

        if (Status != PostStatus.InReview)
        {
            throw Transition("rejected", PostStatus.InReview);
        }

        Status = PostStatus.Rejected;
        RejectionReason = reason;
        Record(actor, "rejected", PostStatus.InReview, now, note: reason, guidelineVersion: guidelineVersion);
    }

    /// <summary>Sets when the approved post goes out (now or later, UTC).</summary>
    /// <exception cref="ConflictException">Not approved (or already scheduled).</exception>
    public void Schedule(DateTimeOffset publishAt, OutreachActor actor, DateTimeOffset now)
    {
        if (Status is not (PostStatus.Approved or PostStatus.Scheduled))
        {
            throw Transition("scheduled", PostStatus.Approved, PostStatus.Scheduled);
        }

        if (!(actor.MayDraft(IsCrisis) || actor.IsApprover))
        {
            throw new ForbiddenException("Posts are scheduled by Editors or Approvers.");
        }

        var from = Status;
        Status = PostStatus.Scheduled;
        PublishAt = publishAt;
        Record(actor, "scheduled", from, now, note: publishAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Stops the post before it goes out.</summary>
    /// <exception cref="ConflictException">It is already going out, out, or cancelled.</exception>
    public void Cancel(OutreachActor actor, string? reason, DateTimeOffset now)
    {
        EnsureEditable("cancelled");
        if (!(actor.MayDraft(IsCrisis) || actor.IsApprover))
        {
            throw new ForbiddenException("Posts are cancelled by Editors or Approvers.");
        }

        var from = Status;
        Status = PostStatus.Cancelled;
        Record(actor, "cancelled", from, now, note: reason);
    }

    /// <summary>The after-the-fact review of a break-glass approval, by an Approver who did not write it.</summary>
    /// <exception cref="ConflictException">Not approved by break-glass, or already reviewed.</exception>
    /// <exception cref="ForbiddenException">The actor is no Approver or wrote it.</exception>
    public void ReviewBreakGlass(OutreachActor actor, string? note, DateTimeOffset now)
    {
        if (Approval is not { BreakGlass: true } || BreakGlassReviewedAt is not null)
        {
            throw new ConflictException("There is no break-glass approval awaiting review on this post.");
        }

        if (!actor.IsApprover || ContributorSubjects.Contains(actor.Subject))
        {
            throw new ForbiddenException("A break-glass approval is reviewed by another Approver, not by who wrote the post.");
        }

        BreakGlassReviewedAt = now;
        BreakGlassReviewedBy = actor.Name;
        Record(actor, "reviewed", Status, now, note: note);
    }

    /// <summary>Records an uploaded image in the history (the image itself is stored separately).</summary>
    public void NoteMediaAdded(OutreachActor actor, string fileName, DateTimeOffset now)
    {
        EnsureEditable("given images");
        Record(actor, "media-added", Status, now, note: fileName);
    }

    private void EnsureEditable(string verb)
    {
        if (!IsEditable)
        {
            throw Transition(verb, PostStatus.Draft, PostStatus.Rejected, PostStatus.InReview, PostStatus.Approved, PostStatus.Scheduled);
        }
    }

    private ConflictException Transition(string verb, params PostStatus[] allowed)
    {
        var exception = new ConflictException($"The post is {Status}; it can be {verb} only when it is {string.Join(" or ", allowed)}.");
        exception.Extensions["postStatus"] = Status.ToString();
        exception.Extensions["allowedFrom"] = allowed.Select(s => s.ToString()).ToArray();
        return exception;
    }

    private void ReplaceVariants(IEnumerable<PostVariant> variants)
    {
        Variants.Clear();
        foreach (var variant in variants)
        {
            variant.PostId = Id;
            Variants.Add(variant);
        }
    }

    private void Record(OutreachActor actor, string action, PostStatus? from, DateTimeOffset now, string? note = null, int? guidelineVersion = null, string? checkResults = null)
    {
        HistoryCount++;
        History.Add(new PostHistoryEntry
        {
            PostId = Id,
            Sequence = HistoryCount,
            At = now,
            ActorSubject = actor.Subject,
            ActorName = actor.Name,
            Action = action,
            FromStatus = from,
            ToStatus = Status,
            Note = note,
            GuidelineVersion = guidelineVersion,
            CheckResults = checkResults,
        });
        UpdatedAt = now;
        Version++;
    }
}
