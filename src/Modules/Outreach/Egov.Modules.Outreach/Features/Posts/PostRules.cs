using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>The rules the post use cases share: who may draft and read, the variants from input, no images on a new post.</summary>
internal static class PostRules
{
    /// <summary>Largest image accepted, in bytes (Mastodon's default image limit is 16 MB, Bluesky's 1 MB per image: the adapters scale down where needed).</summary>
    public const int MaxMediaBytes = 10 * 1024 * 1024;

    /// <summary>The variants of a validated input, with new ids; hashtags without their <c>#</c>, blank links and alt texts dropped.</summary>
    public static List<PostVariant> Variants(PostInput input) =>
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
    public static void EnsureNoMedia(List<PostVariant> variants)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i].Media.Count > 0)
            {
                throw new RequestValidationException($"variants[{i}].media", "Upload images to the saved draft first (POST /api/v1/outreach/posts/{id}/media), then name them in an edit.");
            }
        }
    }

    /// <exception cref="ForbiddenException">Not an Editor (crisis posts: nor a CrisisManager).</exception>
    public static void EnsureMayDraft(OutreachActor actor, bool crisis)
    {
        if (!actor.MayDraft(crisis))
        {
            throw new ForbiddenException(crisis ? "Crisis posts are written by Editors or CrisisManagers." : "Posts are written by Editors.");
        }
    }

    /// <exception cref="ForbiddenException">None of the roles that read posts.</exception>
    public static void EnsureMayRead(OutreachActor actor)
    {
        if (!(actor.IsEditor || actor.IsApprover || actor.IsCrisisManager || actor.IsAdministrator))
        {
            throw new ForbiddenException("Posts are for the Editor, Approver, CrisisManager and Administrator roles.");
        }
    }
}
