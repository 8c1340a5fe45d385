using System.IO.Compression;
using System.Text.Json;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Inbox;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.ChannelExit;

/// <summary>
/// A channel's archive as a zip (<c>GET /api/v1/outreach/channels/{id}/archive</c>, Administrator; ADR 0027), for the
/// city's records when a platform is given up: <c>channel.json</c> (the channel without credentials, with its retirement),
/// <c>posts.json</c> (every post that targeted it, with its variant for this channel only, its history and this channel's
/// deliveries: outcome, platform id and URL, engagement), <c>inbox.json</c> (what citizens wrote there and still in the
/// inbox's retention, with flags, answers and moderation) and <c>media/</c> (the images of those variants). Nothing of
/// other channels: a post shared with other channels contributes only its variant here.
/// </summary>
internal sealed record ExportChannelArchiveQuery(OutreachActor Actor, Guid Id) : IQuery<ChannelArchive>;

/// <param name="FileName">E.g. <c>kanal-archiv-stadt-social-example-2026-12-07.zip</c>.</param>
/// <param name="Content">The zip.</param>
internal sealed record ChannelArchive(string FileName, byte[] Content);

internal sealed class ExportChannelArchiveHandler(OutreachDbContext db, TimeProvider time) : IQueryHandler<ExportChannelArchiveQuery, ChannelArchive>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <exception cref="ForbiddenException">Not an Administrator.</exception>
    /// <exception cref="NotFoundException">No such channel.</exception>
    public async ValueTask<ChannelArchive> Handle(ExportChannelArchiveQuery query, CancellationToken cancellationToken)
    {
        if (!query.Actor.IsAdministrator)
        {
            throw new ForbiddenException("A channel's archive is exported by administrators.");
        }

        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, cancellationToken) ?? throw new NotFoundException($"There is no channel {query.Id}.");
        var posts = await db.Posts.AsNoTracking().Include(p => p.History)
            .Where(p => p.Variants.Any(v => v.ChannelId == channel.Id))
            .OrderBy(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.ChannelId == channel.Id).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var items = await db.InboxItems.AsNoTracking().Where(i => i.ChannelId == channel.Id).OrderBy(i => i.PublishedAt).ToListAsync(cancellationToken);
        var variants = posts.ToDictionary(p => p.Id, p => p.Variants.First(v => v.ChannelId == channel.Id));
        var mediaIds = variants.Values.SelectMany(v => v.Media).Select(m => m.MediaId).Distinct().ToList();
        var media = await db.PostMedia.AsNoTracking().Where(m => mediaIds.Contains(m.Id)).ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "channel.json", ChannelView.From(channel), now);
            Add(zip, "posts.json", posts.Select(p => new ArchivedPost(
                p.Id, p.Title, p.Status.ToString(), p.IsCrisis, p.AuthorName, p.CreatedAt, p.PublishAt, p.Approval?.ApproverName, p.Approval?.ApprovedAt,
                ArchivedVariant.From(variants[p.Id], media),
                [.. deliveries.Where(d => d.PostId == p.Id).Select(d => new ArchivedDelivery(
                    d.Id, d.Status.ToString(), d.Attempts, d.DueAt, d.SentAt, d.PlatformId, d.Url, d.LastError, d.LastHttpStatus, d.Favourites, d.Boosts, d.Replies, d.EngagementReadAt))],
                [.. p.History.OrderBy(h => h.Sequence).Select(h => new ArchivedStep(h.At, h.ActorName, h.Action, h.FromStatus?.ToString(), h.ToStatus.ToString(), h.Note))])), now);
            Add(zip, "inbox.json", items.Select(InboxItemView.From), now);
            foreach (var image in media)
            {
                var entry = zip.CreateEntry($"media/{image.Id}-{image.FileName}", CompressionLevel.NoCompression);
                entry.LastWriteTime = now;
                await using var stream = entry.Open();
                await stream.WriteAsync(image.Content, cancellationToken);
            }
        }

        var slug = new string([.. channel.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return new ChannelArchive($"kanal-archiv-{slug}-{now:yyyy-MM-dd}.zip", buffer.ToArray());
    }

    private static void Add<T>(ZipArchive zip, string name, T content, DateTimeOffset now)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = now;
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, content, Json);
    }

    private sealed record ArchivedPost(Guid Id, string Title, string Status, bool Crisis, string Author, DateTimeOffset CreatedAt, DateTimeOffset? PublishAt,
        string? ApprovedBy, DateTimeOffset? ApprovedAt, ArchivedVariant Variant, IReadOnlyList<ArchivedDelivery> Deliveries, IReadOnlyList<ArchivedStep> History);

    private sealed record ArchivedVariant(string Text, string Language, string? Link, string? ContentWarning, IReadOnlyList<string> Hashtags, string? ReplyTo, IReadOnlyList<ArchivedMedia> Media)
    {
        public static ArchivedVariant From(PostVariant v, IReadOnlyList<PostMedia> media) => new(v.Text, v.Language, v.Link, v.ContentWarning, v.Hashtags, v.ReplyToPlatformId,
            [.. v.Media.Select(m => media.FirstOrDefault(x => x.Id == m.MediaId) is { } file
                ? new ArchivedMedia($"media/{file.Id}-{file.FileName}", file.ContentType, file.Sha256, m.AltText)
                : new ArchivedMedia(null, null, null, m.AltText))]);
    }

    private sealed record ArchivedMedia(string? File, string? ContentType, string? Sha256, string? AltText);

    private sealed record ArchivedDelivery(Guid Id, string Status, int Attempts, DateTimeOffset DueAt, DateTimeOffset? SentAt, string? PlatformId, string? Url,
        string? LastError, int? LastHttpStatus, int? Favourites, int? Boosts, int? Replies, DateTimeOffset? EngagementReadAt);

    private sealed record ArchivedStep(DateTimeOffset At, string Actor, string Action, string? From, string To, string? Note);
}
