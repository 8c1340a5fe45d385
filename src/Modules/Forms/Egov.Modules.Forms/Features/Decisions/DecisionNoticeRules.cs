using System.Linq.Expressions;
using Egov.Modules.Forms.Domain;
using FluentValidation;

namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>The rules a notice's free text and kind share between preview and issue.</summary>
internal static class DecisionNoticeRules
{
    /// <summary>
    /// The text is at most 5,000 characters; a rejection and a partial approval need it (their
    /// reasons: an administrative act against the applicant must give reasons, VwVfG §39).
    /// </summary>
    public static void Text<T>(AbstractValidator<T> validator, Func<T, DecisionKind> kind, Expression<Func<T, string?>> text)
    {
        validator.RuleFor(text).MaximumLength(CaseMessage.MaxLength).OverridePropertyName("text").WithName("text");
        validator.RuleFor(text).NotEmpty().When(c => kind(c) is DecisionKind.Rejection or DecisionKind.Partial)
            .WithMessage("A rejection or partial approval needs its reasons in 'text'; the applicant reads them in the notice.")
            .OverridePropertyName("text");
    }

    /// <summary>The text without leading and trailing white space; null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The status a decision of <paramref name="kind"/> moves the case to.</summary>
    public static ApplicationStatus StatusOf(DecisionKind kind) =>
        kind == DecisionKind.Rejection ? ApplicationStatus.Rejected : ApplicationStatus.Approved;
}
