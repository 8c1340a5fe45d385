using System.Text.Json;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>
/// Runs the guideline checks of a post's variants against their channels' current limits (a
/// Mastodon instance's limits are read again when stale; the refresh is stored by the caller's save).
/// Also resolves and validates the channels and images the variants name.
/// </summary>
internal sealed class PostCheckService(OutreachDbContext db, ChannelLimitsProvider limits, PostChecker checker)
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The channels the variants name, by id; each must exist and be enabled — or be the retired channel whose farewell
    /// <paramref name="postId"/> is (ADR 0027).
    /// </summary>
    /// <exception cref="RequestValidationException">An unknown, disabled or retired channel, naming <c>variants[i].channelId</c>.</exception>
    public async Task<Dictionary<Guid, Channel>> ResolveChannelsAsync(IReadOnlyList<PostVariant> variants, Guid? postId, CancellationToken cancellationToken)
    {
        var ids = variants.Select(v => v.ChannelId).ToList();
        var channels = await db.Channels.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < variants.Count; i++)
        {
            if (!channels.TryGetValue(variants[i].ChannelId, out var channel))
            {
                errors[$"variants[{i}].channelId"] = [$"There is no channel {variants[i].ChannelId}."];
            }
            else if (!channel.Accepts(postId))
            {
                errors[$"variants[{i}].channelId"] = [channel.Retired
                    ? $"The channel {channel.Name} is retired; posts cannot target it."
                    : $"The channel {channel.Name} is disabled; posts cannot target it."];
            }
        }

        return errors.Count == 0 ? channels : throw new RequestValidationException(errors);
    }

    /// <summary>Checks every variant of a post (stored or not yet stored: <paramref name="postId"/> null).</summary>
    /// <exception cref="RequestValidationException">Unknown or disabled channel; an image not uploaded to this post.</exception>
    public async Task<PostCheckReport> CheckAsync(IReadOnlyList<PostVariant> variants, Guid? postId, int? guidelineVersion, CancellationToken cancellationToken)
    {
        var channels = await ResolveChannelsAsync(variants, postId, cancellationToken);
        var mediaIds = variants.SelectMany(v => v.Media).Select(m => m.MediaId).ToList();
        var images = postId is null || mediaIds.Count == 0
            ? []
            : await db.PostMedia.Where(m => m.PostId == postId && mediaIds.Contains(m.Id))
                .Select(m => new { m.Id, m.FileName, m.ContentType, m.Length })
                .ToDictionaryAsync(m => m.Id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < variants.Count; i++)
        {
            for (var j = 0; j < variants[i].Media.Count; j++)
            {
                if (!images.ContainsKey(variants[i].Media[j].MediaId))
                {
                    errors[$"variants[{i}].media[{j}].mediaId"] = [$"There is no image {variants[i].Media[j].MediaId} uploaded to this post."];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var results = new List<ChannelCheckView>(variants.Count);
        foreach (var variant in variants)
        {
            var channel = channels[variant.ChannelId];
            var current = await limits.CurrentAsync(channel, cancellationToken);
            var capabilities = ChannelLimitsMapping.ToCapabilities(current);

            // An answer to a citizen is a comment or reply on the platform: no image is required (Instagram requires one for posts only).
            var result = checker.Check(new PostCheckRequest(
                channel.Kind,
                variant.ReplyToPlatformId is null ? capabilities : capabilities with { MinMedia = 0 },
                variant.Text,
                variant.ContentWarning,
                variant.Link,
                variant.Hashtags,
                [.. variant.Media.Select(m => new CheckedMedia(images[m.MediaId].FileName, m.AltText, images[m.MediaId].ContentType, images[m.MediaId].Length))],
                IsPublic: true,
                channel.RequiresImprintLink));
            results.Add(ChannelCheckView.From(channel, result, current.Source));
        }

        var findings = results.SelectMany(r => r.Findings).ToList();
        var blocking = findings.Count(f => f.Severity == FindingSeverity.Blocking);
        return new PostCheckReport(blocking == 0, blocking, findings.Count - blocking, guidelineVersion, results);
    }

    /// <summary>The report as stored with an approval or a submission (JSON).</summary>
    public static string Serialize(PostCheckReport report) => JsonSerializer.Serialize(report, ReportJson);

    /// <summary>422 with the report when a check blocks.</summary>
    /// <exception cref="DomainRuleException">A blocking finding on some channel; the report is in <c>checks</c>.</exception>
    public static void EnsurePasses(PostCheckReport report, string action)
    {
        if (report.Passes)
        {
            return;
        }

        var items = report.Channels.SelectMany(c => c.Findings.Where(f => f.Severity == FindingSeverity.Blocking).Select(f => $"{c.ChannelName}: {f.Message}"));
        var exception = new DomainRuleException($"The post cannot be {action}: {report.Blocking} blocking finding(s). {string.Join(" ", items)}");
        exception.Extensions["code"] = "checks-failed";
        exception.Extensions["checks"] = report;
        throw exception;
    }
}
