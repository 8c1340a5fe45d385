using Egov.Modules.Outreach.Features.Channels.Kinds;
using FluentValidation;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>
/// The rules every channel follows; the rules of its kind (address, account, credential shapes) come from the
/// kind's descriptor (<see cref="ChannelKind.Validate"/>).
/// </summary>
internal sealed class ChannelInputValidator : AbstractValidator<ChannelInput>
{
    public ChannelInputValidator(ChannelKinds kinds)
    {
        RuleFor(c => c.Kind).NotEmpty().Must(k => kinds.Find(k) is not null)
            .WithMessage($"Must be one of: {string.Join(", ", kinds.Names)}.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OwningUnit).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Account).MaximumLength(300);
        RuleFor(c => c.Address).MaximumLength(500);
        RuleFor(c => c).Custom((input, context) => kinds.Find(input.Kind)?.Validate(input, context.AddFailure));

        RuleFor(c => c.CrossPostPolicy).Must(p => p is null || Enum.TryParse<Domain.Channels.CrossPostPolicy>(p, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(p, out _))
            .WithMessage("Must be one of: None, Review, AutoApprove.");
        RuleFor(c => c.Credentials).Custom((credentials, context) =>
        {
            if (credentials is null || kinds.Find(context.InstanceToValidate.Kind) is not { } kind)
            {
                return;
            }

            var expected = kind.CredentialKeys;
            foreach (var key in credentials.Keys.Where(k => !expected.Contains(k)))
            {
                context.AddFailure($"credentials.{key}", expected.Count == 0
                    ? $"A {kind.Name} channel takes no credentials."
                    : $"Unknown member; a {kind.Name} channel takes: {string.Join(", ", expected)}.");
            }

            foreach (var key in expected.Where(k => string.IsNullOrWhiteSpace(credentials.GetValueOrDefault(k))))
            {
                context.AddFailure($"credentials.{key}", "Required when credentials are given.");
            }

            if (credentials.Values.Any(v => v?.Length > 4000))
            {
                context.AddFailure("credentials", "A credential is longer than 4000 characters.");
            }
        });

        RuleFor(c => c.DataProtection).Custom((dp, context) =>
        {
            if (dp is { AssessmentDone: true, AssessedOn: null })
            {
                context.AddFailure("dataProtection.assessedOn", "Required when the assessment is done.");
            }

            if (dp?.JointControllershipNote?.Length > 2000)
            {
                context.AddFailure("dataProtection.jointControllershipNote", "At most 2000 characters.");
            }
        });
    }
}
