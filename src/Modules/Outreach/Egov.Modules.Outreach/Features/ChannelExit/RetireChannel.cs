using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Outreach.Features.ChannelExit;

/// <summary>
/// An administrator retires a channel (<c>POST /api/v1/outreach/channels/{id}/retire</c>, If-Match; ADR 0027): in one save
/// the channel is disabled for good with who, when and why on record; its posts not yet out move to the chosen
/// replacement channels (or leave it; a post left without channels is cancelled); and a farewell naming the channels
/// that remain is drafted for the normal approval — the one post the retired channel still sends. The archive stays
/// downloadable (<see cref="ExportChannelArchiveQuery"/>).
/// </summary>
internal sealed record RetireChannelCommand(OutreachActor Actor, Guid Id, int? IfMatch, RetireChannelInput Input) : ICommand<ChannelRetirementResult>;

/// <param name="Reason">Why the channel is given up (1 to 1,000 characters), e.g. „Plattform hat die Nutzungsbedingungen geändert“.</param>
/// <param name="ReplacementChannelIds">Enabled channels that take over its posts not yet out (each post gets a copy of its text there); empty or absent: the posts just leave it.</param>
/// <param name="Farewell">Draft a farewell post on the channel (default true); needs the channel still enabled.</param>
/// <param name="FarewellText">The farewell's text; absent: a German text naming the remaining public channels.</param>
internal sealed record RetireChannelInput(string? Reason, IReadOnlyList<Guid?>? ReplacementChannelIds, bool? Farewell, string? FarewellText);

/// <summary>What retiring did.</summary>
/// <param name="Channel">The channel as it is now (with <c>retirement</c>).</param>
/// <param name="FarewellPostId">The farewell post, or null when none was drafted.</param>
/// <param name="FarewellStatus"><c>InReview</c> (waits for an Approver), or <c>Draft</c> when a check blocked it (the editors fix it).</param>
/// <param name="Posts">Each post that targeted the channel and was not out yet, with what happened to it.</param>
/// <param name="ArchiveUrl">Where the channel's archive is downloaded (zip).</param>
internal sealed record ChannelRetirementResult(ChannelView Channel, Guid? FarewellPostId, string? FarewellStatus, IReadOnlyList<MovedPost> Posts, string ArchiveUrl);

/// <param name="PostId">The post.</param>
/// <param name="Title">Its working title.</param>
/// <param name="Outcome"><c>moved</c> (to the replacements; back to review if it was approved), <c>dropped</c> (it keeps its other channels) or <c>cancelled</c> (it had no other channel and no replacement was chosen).</param>
/// <param name="Status">Its status now.</param>
internal sealed record MovedPost(Guid PostId, string Title, string Outcome, string Status);

internal sealed partial class RetireChannelHandler(OutreachDbContext db, PostStore store, PostCheckService checks, ChannelKinds kinds, TimeProvider time, ILogger<RetireChannelHandler> logger)
    : ICommandHandler<RetireChannelCommand, ChannelRetirementResult>
{
    private static readonly PostStatus[] NotOutYet = [PostStatus.Draft, PostStatus.InReview, PostStatus.Rejected, PostStatus.Approved, PostStatus.Scheduled];

    /// <exception cref="ForbiddenException">Not an Administrator.</exception>
    /// <exception cref="RequestValidationException"><c>reason</c> blank or too long; <c>replacementChannelIds[i]</c> missing, unknown, the channel itself, repeated or not enabled; <c>farewell</c> asked of a disabled channel; <c>farewellText</c> too long.</exception>
    /// <exception cref="NotFoundException">No such channel.</exception>
    /// <exception cref="PreconditionRequiredException">No If-Match.</exception>
    /// <exception cref="PreconditionFailedException">The channel changed since it was read.</exception>
    /// <exception cref="ConflictException">It is retired already.</exception>
    public async ValueTask<ChannelRetirementResult> Handle(RetireChannelCommand command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator)
        {
            throw new ForbiddenException("Channels are retired by administrators.");
        }

        var input = command.Input;
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            throw new RequestValidationException("reason", "Say why the channel is retired (1 to 1,000 characters).");
        }

        if (input.FarewellText is { Length: > 5000 })
        {
            throw new RequestValidationException("farewellText", "At most 5,000 characters.");
        }

        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException($"There is no channel {command.Id}.");
        if (command.IfMatch is null)
        {
            throw new PreconditionRequiredException("Retiring needs an If-Match header with the channel's ETag as you last read it.");
        }

        if (command.IfMatch != channel.Version)
        {
            throw new PreconditionFailedException("The channel changed since you read it; read it again, then retry.");
        }

        if (channel.Retired)
        {
            throw new ConflictException($"The channel {channel.Name} was retired already.");
        }

        var replacements = await ReplacementsAsync(channel, input.ReplacementChannelIds ?? [], cancellationToken);
        var farewell = input.Farewell ?? true;
        if (farewell && !channel.Enabled)
        {
            throw new RequestValidationException("farewell", $"The channel {channel.Name} is disabled, so no farewell can go out there; send \"farewell\": false.");
        }

        var now = time.GetUtcNow();
        var moved = await MovePostsAsync(channel, replacements, command.Actor, now, cancellationToken);
        Post? farewellPost = null;
        if (farewell)
        {
            farewellPost = await DraftFarewellAsync(channel, input.FarewellText, command.Actor, now, cancellationToken);
            db.Posts.Add(farewellPost);
        }

        channel.Retire(reason, command.Actor.Subject, command.Actor.Name, farewellPost?.Id, now);
        await store.SaveAsync(cancellationToken);
        LogRetired(channel.Name, command.Actor.Subject, moved.Count, reason);
        return new ChannelRetirementResult(ChannelView.From(channel), farewellPost?.Id, farewellPost?.Status.ToString(), moved,
            $"/api/v1/outreach/channels/{channel.Id}/archive");
    }

    private async Task<List<Channel>> ReplacementsAsync(Channel retiring, IReadOnlyList<Guid?> ids, CancellationToken cancellationToken)
    {
        var given = ids.OfType<Guid>().ToList();
        var found = await db.Channels.AsNoTracking().Where(c => given.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var result = new List<Channel>();
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"replacementChannelIds[{i}]";
            string? error = ids[i] switch
            {
                null => "A channel id is required.",
                { } id when id == retiring.Id => "A channel cannot replace itself.",
                { } id when !found.ContainsKey(id) => $"There is no channel {id}.",
                { } id when result.Any(c => c.Id == id) => "This channel is in the list already.",
                { } id when !found[id].Enabled => $"The channel {found[id].Name} is {(found[id].Retired ? "retired" : "disabled")}; only enabled channels can take over posts.",
                _ => null,
            };
            if (error is not null)
            {
                errors[field] = [error];
            }
            else
            {
                result.Add(found[ids[i]!.Value]);
            }
        }

        return errors.Count == 0 ? result : throw new RequestValidationException(errors);
    }

    private async Task<List<MovedPost>> MovePostsAsync(Channel retiring, List<Channel> replacements, OutreachActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var posts = await db.Posts
            .Where(p => NotOutYet.Contains(p.Status) && p.Variants.Any(v => v.ChannelId == retiring.Id))
            .OrderBy(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
        var moved = new List<MovedPost>(posts.Count);
        foreach (var post in posts)
        {
            var old = post.Variants.First(v => v.ChannelId == retiring.Id);
            // An answer to a citizen belongs to the platform the citizen wrote on: it is not carried to another one.
            var copies = old.ReplyToPlatformId is not null
                ? []
                : replacements.Where(r => post.Variants.All(v => v.ChannelId != r.Id)).Select(r => old.CopyFor(r.Id)).ToList();
            var cancelled = post.MoveOffChannel(retiring.Id, retiring.Name, copies, actor, now);
            moved.Add(new MovedPost(post.Id, post.Title, cancelled ? "cancelled" : copies.Count > 0 ? "moved" : "dropped", post.Status.ToString()));
        }

        return moved;
    }

    private async Task<Post> DraftFarewellAsync(Channel channel, string? text, OutreachActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var remaining = await db.Channels.AsNoTracking().Where(c => c.Enabled && c.Id != channel.Id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
            text = FarewellText(channel, remaining);
        }

        var variant = new PostVariant { Id = Guid.NewGuid(), ChannelId = channel.Id, Text = text.Trim(), Language = "de" };
        var version = await store.CurrentGuidelineAsync(cancellationToken) ?? 0;
        var report = await checks.CheckAsync([variant], null, version, cancellationToken);
        return Post.CreateFarewell($"Abschied: {channel.Name}", variant, actor, report.Passes, version, PostCheckService.Serialize(report), now);
    }

    /// <summary>The default farewell: the channel ends, and where the city is found instead (the public voices that remain).</summary>
    private string FarewellText(Channel channel, List<Channel> remaining)
    {
        var places = remaining
            .Select(c => (Channel: c, Kind: kinds.Find(c.Kind)))
            .Where(x => x.Kind is { IsPublicVoice: true })
            .Select(x => $"{x.Kind!.DisplayNameDe}: {x.Kind.ProfileUrl(x.Channel.Address, x.Channel.Account)?.ToString() ?? x.Channel.Account ?? x.Channel.Name}")
            .ToList();
        var text = $"Dieser Kanal ({channel.Name}) wird von der Stadt nicht mehr betreut.";
        return places.Count == 0
            ? text + " Aktuelle Informationen finden Sie auf der Website der Stadt."
            : text + " Sie finden uns weiterhin hier:\n" + string.Join("\n", places.Select(p => "• " + p));
    }

    [LoggerMessage(EventId = 840, Level = LogLevel.Information, Message = "Channel {Channel} retired by {Subject}: {Posts} posts moved or dropped; reason: {Reason}")]
    private partial void LogRetired(string channel, string subject, int posts, string reason);
}
