using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>Writes a new draft.</summary>
internal sealed record CreateAnnouncementCommand(ContentActor Actor, AnnouncementInput Input) : ICommand<AnnouncementEditorView>;

/// <summary>Checks the new draft; field names as in the request body (<c>variants[0].title</c>).</summary>
internal sealed class CreateAnnouncementValidator : AbstractValidator<CreateAnnouncementCommand>
{
    public CreateAnnouncementValidator(AnnouncementInputValidator input) =>
        RuleFor(c => c).Custom((command, context) =>
        {
            if (command.Input is null)
            {
                context.AddFailure("body", "Give the announcement's content.");
                return;
            }

            foreach (var failure in input.Validate(command.Input).Errors)
            {
                context.AddFailure(failure.PropertyName, failure.ErrorMessage);
            }
        });
}

/// <summary>Writes a new draft (Editor; alerts also CrisisManager); a slug is made from the German title when none is given.</summary>
internal sealed class CreateAnnouncementHandler(AnnouncementsDbContext db, AnnouncementContentFactory factory, TimeProvider time)
    : ICommandHandler<CreateAnnouncementCommand, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(CreateAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<AnnouncementKind>(command.Input.Kind);
        EditorialAccess.EnsureMayWrite(command.Actor, kind);
        var content = factory.Create(command.Input);
        var slug = string.IsNullOrEmpty(command.Input.Slug) ? await FreeSlugAsync(AnnouncementContentFactory.Slugify(content.German.Title), cancellationToken) : command.Input.Slug;
        if (await db.Announcements.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            throw new RequestValidationException("slug", $"The slug '{slug}' is taken; choose another.");
        }

        var announcement = Announcement.CreateDraft(kind, slug, content, command.Input.Categories ?? [], command.Actor, time.GetUtcNow());
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }

    private async Task<string> FreeSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var candidate = slug;
        for (var n = 2; await db.Announcements.AnyAsync(a => a.Slug == candidate, cancellationToken); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
