using System.Text.RegularExpressions;
using Egov.Modules.Outreach.Contracts;
using FluentValidation;

namespace Egov.Modules.Outreach.Features.Channels;

internal sealed partial class ChannelInputValidator : AbstractValidator<ChannelInput>
{
    public ChannelInputValidator()
    {
        RuleFor(c => c.Kind).NotEmpty().Must(k => OutreachChannelKinds.All.Contains(k))
            .WithMessage($"Must be one of: {string.Join(", ", OutreachChannelKinds.All)}.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OwningUnit).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Account).MaximumLength(300);
        RuleFor(c => c.Address).MaximumLength(500);

        When(c => c.Kind is OutreachChannelKinds.Mastodon or OutreachChannelKinds.Webhook || (c.Kind == OutreachChannelKinds.Bluesky && c.Address is not null), () =>
            RuleFor(c => c.Address).Must(BeAbsoluteHttpUrl).WithMessage("Must be an absolute https:// URL without query or fragment."));
        When(c => c.Kind == OutreachChannelKinds.Mastodon, () =>
            RuleFor(c => c.Account).NotEmpty().Matches(MastodonHandle()).WithMessage("Must be the account's handle, e.g. @stadt@social.example."));
        When(c => c.Kind == OutreachChannelKinds.Bluesky, () =>
            RuleFor(c => c.Account).NotEmpty().Matches(BlueskyHandle()).WithMessage("Must be the account's handle, e.g. stadt.bsky.social."));
        When(c => c.Kind == OutreachChannelKinds.Telegram, () =>
            RuleFor(c => c.Address).NotEmpty().Matches(TelegramChat()).WithMessage("Must be the channel's @username or its numeric chat id (-100…)."));
        When(c => c.Kind == OutreachChannelKinds.AppPush, () =>
            RuleFor(c => c.Address).Empty().WithMessage("App push has no address: it reaches the devices registered with Egov."));

        RuleFor(c => c.CrossPostPolicy).Must(p => p is null || Enum.TryParse<Domain.Channels.CrossPostPolicy>(p, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(p, out _))
            .WithMessage("Must be one of: None, Review, AutoApprove.");
        RuleFor(c => c.Credentials).Custom((credentials, context) =>
        {
            if (credentials is null || context.InstanceToValidate.Kind is not { } kind)
            {
                return;
            }

            var expected = ChannelCredentialKeys.For(kind);
            foreach (var key in credentials.Keys.Where(k => !expected.Contains(k)))
            {
                context.AddFailure($"credentials.{key}", expected.Count == 0
                    ? $"A {kind} channel takes no credentials."
                    : $"Unknown member; a {kind} channel takes: {string.Join(", ", expected)}.");
            }

            foreach (var key in expected.Where(k => string.IsNullOrWhiteSpace(credentials.GetValueOrDefault(k))))
            {
                context.AddFailure($"credentials.{key}", "Required when credentials are given.");
            }

            if (kind == OutreachChannelKinds.Webhook && credentials.GetValueOrDefault("secret") is { Length: > 0 and < 32 })
            {
                context.AddFailure("credentials.secret", "Must be at least 32 characters (HMAC-SHA256 key).");
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

    /// <summary>Whether <paramref name="value"/> is an absolute http(s) URL (http is checked against the options later).</summary>
    public static bool BeAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);

    [GeneratedRegex(@"^@[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]+(:\d+)?$")]
    private static partial Regex MastodonHandle();

    [GeneratedRegex(@"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex BlueskyHandle();

    [GeneratedRegex(@"^(@[A-Za-z][A-Za-z0-9_]{4,31}|-?\d{5,20})$")]
    private static partial Regex TelegramChat();
}
