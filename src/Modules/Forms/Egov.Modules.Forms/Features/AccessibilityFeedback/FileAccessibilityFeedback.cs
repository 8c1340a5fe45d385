using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Text;
using FluentValidation;
using Mediator;
using Feedback = Egov.Modules.Forms.Domain.AccessibilityFeedback;

namespace Egov.Modules.Forms.Features.AccessibilityFeedback;

/// <summary>
/// Someone reports a barrier (<c>POST /api/v1/accessibility-feedback</c> or the page <c>/barrierefreiheit/rueckmeldung</c>);
/// no account needed. Answers when the city will have answered by.
/// </summary>
/// <param name="Page">Where the barrier is: an address or words, 1–500 characters.</param>
/// <param name="Description">What the barrier is, 1–4000 characters.</param>
/// <param name="ContactName">Optional, up to 200 characters.</param>
/// <param name="ContactEmail">Optional; where the answer goes. Without it the report is taken, but nobody can answer.</param>
/// <param name="Language"><c>de</c> (default) or <c>en</c>.</param>
internal sealed record FileAccessibilityFeedbackCommand(string? Page, string? Description, string? ContactName, string? ContactEmail, string? Language)
    : ICommand<AccessibilityFeedbackReceipt>;

/// <summary>The answer to a report: when it arrived (UTC) and the last day of the answer (a date in Europe/Berlin).</summary>
internal sealed record AccessibilityFeedbackReceipt(DateTimeOffset ReceivedAt, DateOnly AnswerBy);

internal sealed class FileAccessibilityFeedbackValidator : AbstractValidator<FileAccessibilityFeedbackCommand>
{
    public FileAccessibilityFeedbackValidator()
    {
        Text(RuleFor(c => c.Page).NotEmpty().MaximumLength(Feedback.MaxPageLength), "page");
        Text(RuleFor(c => c.Description).NotEmpty().MaximumLength(Feedback.MaxDescriptionLength), "description");
        Text(RuleFor(c => c.ContactName).MaximumLength(200), "contactName");
        Text(RuleFor(c => c.ContactEmail).MaximumLength(254).EmailAddress(), "contactEmail");
        RuleFor(c => c.Language).Must(l => l is null or "de" or "en").WithMessage("Must be de or en.").OverridePropertyName("language").WithName("language");
    }

    private static void Text(IRuleBuilderOptions<FileAccessibilityFeedbackCommand, string?> rule, string field) =>
        rule.Must(v => v is null || InputText.Problem(v) is null).WithMessage(field + " contains characters that are no text (control characters or lone surrogates).")
            .OverridePropertyName(field).WithName(field);
}

internal sealed class FileAccessibilityFeedbackHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<FileAccessibilityFeedbackCommand, AccessibilityFeedbackReceipt>
{
    public async ValueTask<AccessibilityFeedbackReceipt> Handle(FileAccessibilityFeedbackCommand command, CancellationToken cancellationToken)
    {
        var feedback = Feedback.Receive(
            InputText.Normalize(command.Page!.Trim()), InputText.Normalize(command.Description!.Trim()),
            Optional(command.ContactName), Optional(command.ContactEmail), command.Language ?? "de", time.GetUtcNow());
        db.AccessibilityFeedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return new AccessibilityFeedbackReceipt(feedback.ReceivedAt, feedback.AnswerBy);
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : InputText.Normalize(value.Trim());
}
