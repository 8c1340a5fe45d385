using System.Security.Cryptography;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Files;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>An image is uploaded to a saved post (<c>POST …/media</c>), recognised by its content.</summary>
internal sealed record UploadPostMediaCommand(OutreachActor Actor, Guid Id, string FileName, byte[] Content) : ICommand<PostMediaView>;

internal sealed class UploadPostMediaHandler(OutreachDbContext db, PostStore store, PostMediaScanner scanner, TimeProvider time) : ICommandHandler<UploadPostMediaCommand, PostMediaView>
{
    public async ValueTask<PostMediaView> Handle(UploadPostMediaCommand command, CancellationToken cancellationToken)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException($"There is no post {command.Id}.");
        PostRules.EnsureMayDraft(command.Actor, post.IsCrisis);
        var contentType = ImageTypes.Sniff(command.Content)
            ?? throw new RequestValidationException("file", "Must be a PNG, JPEG, GIF or WebP image (recognised by its content, not its name).");
        var fileName = UploadFileName.Sanitize(command.FileName, "image");
        await scanner.EnsureCleanAsync(fileName, command.Content, cancellationToken);
        var now = time.GetUtcNow();
        var media = new PostMedia
        {
            Id = Guid.CreateVersion7(now),
            PostId = post.Id,
            FileName = fileName,
            ContentType = contentType,
            Length = command.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content)),
            Content = command.Content,
            UploadedAt = now,
            UploadedBySubject = command.Actor.Subject,
        };
        post.NoteMediaAdded(command.Actor, media.FileName, now);
        db.PostMedia.Add(media);
        await store.SaveAsync(cancellationToken);
        return new PostMediaView(media.Id, media.FileName, media.ContentType, media.Length, media.Sha256, media.UploadedAt);
    }
}
