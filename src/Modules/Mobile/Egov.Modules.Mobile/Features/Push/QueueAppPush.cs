using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Mobile.Domain.Push;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.Work;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// Outreach's app-push channel: a push job (type <c>post</c>) for the devices that follow
/// announcements (subscribed to at least one category). A repeated request of one delivery finds
/// the job of its first request.
/// </summary>
internal sealed class QueueAppPushHandler(MobileDbContext db, ISender sender, PushLinks links, WorkSignal<PushFanOut> signal, TimeProvider time)
    : ICommandHandler<QueueAppPushCommand, QueuedAppPush>
{
    /// <summary>Push type of a post (<c>type</c> in the payload).</summary>
    public const string PostType = "post";

    public async ValueTask<QueuedAppPush> Handle(QueueAppPushCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await FindAsync(command.DeliveryId, cancellationToken) is { } existing)
        {
            return new QueuedAppPush(existing);
        }

        var categories = await sender.Send(new GetAnnouncementCategoriesQuery(), cancellationToken);
        var lines = command.Text.Split('\n', 2, StringSplitOptions.TrimEntries);
        var url = Uri.TryCreate(command.Link, UriKind.Absolute, out var link) ? link : links.Base;
        var json = new PushContent(PostType, command.DeliveryId, PushTexts.Cut(lines[0], PushTexts.MaxTitleLength),
            lines.Length > 1 && lines[1].Length > 0 ? PushTexts.Cut(lines[1], PushTexts.MaxTitleLength) : null, url).ToJson();
        var now = time.GetUtcNow();
        var job = new PushJob
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = command.DeliveryId,
            Type = PostType,
            Audience = PushAudienceKind.Category,
            Categories = [.. categories.Keys],
            PayloadDe = json,
            PayloadEn = json,
            Urgency = command.Crisis ? PushUrgency.High : PushUrgency.Low,
            TimeToLiveSeconds = (int)TimeSpan.FromDays(1).TotalSeconds,
            Topic = command.DeliveryId.ToString("N"),
            CreatedAt = now,
        };
        db.PushJobs.Add(job);
        signal.NotifyAfterCommit(db);
        await db.SaveChangesAsync(cancellationToken);
        return new QueuedAppPush(job.Id);
    }

    private Task<Guid?> FindAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        db.PushJobs.Where(j => j.SourceEventId == deliveryId && j.Type == PostType).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
}
