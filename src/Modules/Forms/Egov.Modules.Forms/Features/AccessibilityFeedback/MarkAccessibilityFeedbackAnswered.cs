using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Feedback = Egov.Modules.Forms.Domain.AccessibilityFeedback;

namespace Egov.Modules.Forms.Features.AccessibilityFeedback;

/// <summary>Staff (administrators, caseworkers of the configured department; else 403) mark a report answered, with a note of what was answered or done (up to 2000 characters).</summary>
internal sealed record MarkAccessibilityFeedbackAnsweredCommand(Caseworker Staff, Guid Id, string? Note) : ICommand<AccessibilityFeedbackView>;

internal sealed class MarkAccessibilityFeedbackAnsweredValidator : AbstractValidator<MarkAccessibilityFeedbackAnsweredCommand>
{
    public MarkAccessibilityFeedbackAnsweredValidator() =>
        RuleFor(c => c.Note).MaximumLength(Feedback.MaxNoteLength)
            .Must(v => v is null || InputText.Problem(v) is null).WithMessage("note contains characters that are no text.")
            .OverridePropertyName("note").WithName("note");
}

internal sealed class MarkAccessibilityFeedbackAnsweredHandler(FormsDbContext db, IOptions<AccessibilityFeedbackOptions> options, TimeProvider time) : ICommandHandler<MarkAccessibilityFeedbackAnsweredCommand, AccessibilityFeedbackView>
{
    public async ValueTask<AccessibilityFeedbackView> Handle(MarkAccessibilityFeedbackAnsweredCommand command, CancellationToken cancellationToken)
    {
        options.Value.EnsureHandles(command.Staff);
        var feedback = await db.AccessibilityFeedback.FirstOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no report {command.Id}.");
        var now = time.GetUtcNow();
        feedback.MarkAnswered(command.Staff.Subject, command.Staff.Name, string.IsNullOrWhiteSpace(command.Note) ? null : InputText.Normalize(command.Note.Trim()), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else marked the report answered at the same time.");
        }

        return AccessibilityFeedbackView.From(feedback, now);
    }
}
