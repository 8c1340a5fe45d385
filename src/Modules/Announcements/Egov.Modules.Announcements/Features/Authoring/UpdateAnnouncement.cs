using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using FluentValidation;
using Mediator;

namespace Egov.Modules.Announcements.Features.Authoring;

/// <summary>
/// Changes an announcement: a draft or scheduled one is edited (an approval given before no longer
/// counts); a published one is corrected — <paramref name="CorrectionNote"/> required, a new revision.
/// </summary>
internal sealed record UpdateAnnouncementCommand(ContentActor Actor, Guid Id, int? IfMatch, AnnouncementInput Input, string? CorrectionNote) : ICommand<AnnouncementEditorView>;

/// <summary>Checks the changed content; field names as in the request body (<c>announcement.variants[0].title</c>).</summary>
internal sealed class UpdateAnnouncementValidator : AbstractValidator<UpdateAnnouncementCommand>
{
    public UpdateAnnouncementValidator(AnnouncementInputValidator input)
    {
        RuleFor(c => c).Custom((command, context) =>
        {
            if (command.Input is null)
            {
                // A body without "announcement" ({}) binds to null despite the annotation.
                context.AddFailure("announcement", "Give the announcement's content.");
                return;
            }

            foreach (var failure in input.Validate(command.Input).Errors)
            {
                context.AddFailure("announcement." + failure.PropertyName, failure.ErrorMessage);
            }
        });
        RuleFor(c => c.CorrectionNote).MaximumLength(1000).OverridePropertyName("correctionNote");
    }
}

/// <summary>Edits a draft or scheduled announcement (the approval is dropped) or corrects a published one (a new revision with a note readers see).</summary>
internal sealed class UpdateAnnouncementHandler(AnnouncementsDbContext db, AnnouncementContentFactory factory, TimeProvider time)
    : ICommandHandler<UpdateAnnouncementCommand, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(UpdateAnnouncementCommand command, CancellationToken cancellationToken)
    {
        var announcement = await db.FindForChangeAsync(command.Id, command.IfMatch, cancellationToken);
        if (!(announcement.Status == AnnouncementStatus.Published && announcement.NeedsApproval && command.Actor.IsApprover))
        {
            // A published official notice is corrected by the press office (Approver), which answers for it.
            EditorialAccess.EnsureMayWrite(command.Actor, announcement.Kind);
        }

        if (command.Input.Kind != announcement.Kind.ToString())
        {
            throw new RequestValidationException("kind", $"The kind of an announcement does not change (it is {announcement.Kind}); write a new one instead.");
        }

        var content = factory.Create(command.Input);
        var now = time.GetUtcNow();
        if (announcement.Status == AnnouncementStatus.Published)
        {
            if (string.IsNullOrWhiteSpace(command.CorrectionNote))
            {
                throw new RequestValidationException("correctionNote", "A published announcement is corrected with a note that readers see (what changed and why).");
            }

            db.AnnouncementRevisions.Add(announcement.Correct(content, command.Input.Categories ?? [], command.CorrectionNote.Trim(), command.Actor, now));
        }
        else
        {
            announcement.Edit(content, command.Input.Categories ?? [], now);
        }

        await db.SaveChangeAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }
}
