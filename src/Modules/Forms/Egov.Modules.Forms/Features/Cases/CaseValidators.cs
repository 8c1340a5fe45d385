using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Time;
using FluentValidation;

namespace Egov.Modules.Forms.Features.Cases;

internal sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
        // PostgreSQL refuses a NUL in a text parameter (22021), so control characters are refused here as field errors.
        RuleFor(q => q.Filter.Search).MaximumLength(100).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("q").WithName("q");
        RuleFor(q => q.Filter.Form).MaximumLength(80).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("form").WithName("form");
        RuleFor(q => q.Filter.Assignee).MaximumLength(200).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("assignee").WithName("assignee");
        RuleFor(q => q.Filter.Department).MaximumLength(80).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("department").WithName("department");
        RuleFor(q => q.Filter).Must(f => f.SubmittedFrom is null || f.SubmittedTo is null || f.SubmittedFrom <= f.SubmittedTo)
            .WithMessage("submittedFrom must not be after submittedTo.").OverridePropertyName("submittedFrom");
    }

    private const string ControlCharacters = "Must not contain control characters.";

    private static bool NoControlCharacters(string? value) => value is null || !value.Any(char.IsControl);
}

internal sealed class AssignCaseValidator : AbstractValidator<AssignCaseCommand>
{
    public AssignCaseValidator() =>
        RuleFor(c => c.Assignee).MaximumLength(200).Must(a => a is null || a.Trim().Length > 0)
            .WithMessage("Name the assignee: 'me', a colleague's subject, or null to unassign.")
            .OverridePropertyName("assignee").WithName("assignee");
}

internal sealed class TransitionCaseValidator : AbstractValidator<TransitionCaseCommand>
{
    public TransitionCaseValidator()
    {
        RuleFor(c => c.Reason).MaximumLength(CaseMessage.MaxLength).OverridePropertyName("reason").WithName("reason");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.To == ApplicationStatus.Rejected)
            .WithMessage("A rejection needs a reason that the applicant will read.").OverridePropertyName("reason");
        RuleFor(c => c.To).Must(t => t != ApplicationStatus.Draft && t != ApplicationStatus.Submitted && t != ApplicationStatus.Withdrawn)
            .WithMessage("A case cannot be moved back to Draft or Submitted; only the applicant can withdraw.").OverridePropertyName("to");
    }
}

internal sealed class RequestInformationValidator : AbstractValidator<RequestInformationCommand>
{
    public RequestInformationValidator(TimeProvider time)
    {
        RuleFor(c => c.Message).NotEmpty().MaximumLength(CaseMessage.MaxLength).OverridePropertyName("message").WithName("message");
        RuleFor(c => c.AnswerBy).Must(d => d > CivilTime.Today(time) && d <= CivilTime.Today(time).AddYears(1))
            .WithMessage("answerBy must be a date after today (Europe/Berlin) and within a year.").OverridePropertyName("answerBy");
    }
}

internal sealed class PostCaseMessageValidator : AbstractValidator<PostCaseMessageCommand>
{
    public PostCaseMessageValidator()
    {
        RuleFor(c => c.Body).NotEmpty().MaximumLength(CaseMessage.MaxLength).OverridePropertyName("body").WithName("body");
        RuleFor(c => c.Body).Must(CaseMessage.HasVisibleText).When(c => !string.IsNullOrWhiteSpace(c.Body))
            .WithMessage("The message contains no visible text.").OverridePropertyName("body").WithName("body");
    }
}

internal sealed class ListCaseAccessLogValidator : AbstractValidator<ListCaseAccessLogQuery>
{
    public ListCaseAccessLogValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
}
