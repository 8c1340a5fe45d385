using Egov.SharedKernel.Paging;
using FluentValidation;

namespace Egov.Modules.Announcements.Features.Authoring;

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

internal sealed class ListAnnouncementsForEditingValidator : AbstractValidator<ListAnnouncementsForEditingQuery>
{
    public ListAnnouncementsForEditingValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}
