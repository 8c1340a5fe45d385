using System.Text.RegularExpressions;
using FluentValidation;

namespace Egov.Modules.Outreach.Features.Posts;

internal sealed partial class PostInputValidator : AbstractValidator<PostInput>
{
    public PostInputValidator()
    {
        RuleFor(p => p.Title).NotEmpty().MaximumLength(200);
        RuleFor(p => p.Variants).NotEmpty().WithMessage("Give at least one variant (one per channel).")
            .Must(v => v is null || v.Count <= 20).WithMessage("At most 20 variants.")
            .Must(v => v is null || v.Where(x => x?.ChannelId is not null).GroupBy(x => x.ChannelId).All(g => g.Count() == 1))
            .WithMessage("Each channel at most once.");
        RuleForEach(p => p.Variants).NotNull().ChildRules(v =>
        {
            v.RuleFor(x => x.ChannelId).NotEmpty();
            v.RuleFor(x => x.Text).NotEmpty().MaximumLength(20_000);
            v.RuleFor(x => x.Language).Matches(LanguageTag()).When(x => x.Language is not null).WithMessage("Must be a BCP 47 language tag such as de, en or de-x-ls.");
            v.RuleFor(x => x.Link).Must(BeHttpUrl).When(x => x.Link is not null).WithMessage("Must be an absolute http:// or https:// URL.").MaximumLength(2000);
            v.RuleFor(x => x.ContentWarning).MaximumLength(500);
            v.RuleFor(x => x.Hashtags).Must(h => h is null || h.Count <= 30).WithMessage("At most 30 hashtags.");
            v.RuleForEach(x => x.Hashtags).NotEmpty().Matches(Hashtag()).WithMessage("A hashtag is letters, digits and underscores, with or without a leading '#'.");
            v.RuleFor(x => x.Media).Must(m => m is null || m.Count <= 10).WithMessage("At most 10 images.");
            v.RuleForEach(x => x.Media).NotNull().ChildRules(m =>
            {
                m.RuleFor(x => x.MediaId).NotEmpty();
                m.RuleFor(x => x.AltText).MaximumLength(1500);
            });
        });
    }

    private static bool BeHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^#?[\p{L}\p{N}_]{1,100}$")]
    private static partial Regex Hashtag();
}
