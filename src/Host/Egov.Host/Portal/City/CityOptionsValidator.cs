using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Egov.Host.Portal.City;

/// <summary>
/// Checks <see cref="CityOptions"/> at start (<c>ValidateOnStart</c>), naming each wrong key, so a
/// city never publishes a page without its name, address or contact (§ 5 DDG), with a broken link, or
/// in colours people cannot read (WCAG 2.1 SC 1.4.3: 4.5:1 for text).
/// </summary>
internal sealed class CityOptionsValidator : IValidateOptions<CityOptions>
{
    /// <summary>WCAG 2.1 SC 1.4.3: contrast of normal text at least 4.5:1.</summary>
    public const double MinimumContrast = 4.5;

    private static readonly string[] Conformities = ["Full", "Partial", "None"];

    public ValidateOptionsResult Validate(string? name, CityOptions options)
    {
        var failures = new List<string>();
        void Required(string key, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{CityOptions.SectionName}:{key} is required.");
            }
        }

        void Email(string key, string value)
        {
            if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim())
            {
                failures.Add($"{CityOptions.SectionName}:{key} is not an e-mail address: '{value}'.");
            }
        }

        void Colour(string key, string value)
        {
            if (Luminance(value) is not { } luminance)
            {
                failures.Add($"{CityOptions.SectionName}:{key} must be a colour #rrggbb: '{value}'.");
            }
            else if (Contrast(luminance, 1.0) < MinimumContrast)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{CityOptions.SectionName}:{key} '{value}' has a contrast of {Contrast(luminance, 1.0):0.0}:1 with white; WCAG 2.1 SC 1.4.3 needs {MinimumContrast}:1."));
            }
        }

        Required(nameof(options.Name), options.Name);
        Required(nameof(options.OfficialName), options.OfficialName);
        Required(nameof(options.OfficialNameEnglish), options.OfficialNameEnglish);
        Required(nameof(options.Street), options.Street);
        Required(nameof(options.PostalCode), options.PostalCode);
        Required(nameof(options.Locality), options.Locality);
        Required(nameof(options.Phone), options.Phone);
        Required(nameof(options.Representative), options.Representative);
        Required(nameof(options.SupervisoryAuthority), options.SupervisoryAuthority);
        Email(nameof(options.Email), options.Email);
        Colour(nameof(options.PrimaryColor), options.PrimaryColor);
        Colour(nameof(options.LinkColor), options.LinkColor);
        if (options.LogoUrl.Length > 0 && !IsSafeAddress(options.LogoUrl))
        {
            failures.Add($"{CityOptions.SectionName}:{nameof(options.LogoUrl)} must be a path on this site (/…) or an https address: '{options.LogoUrl}'.");
        }

        foreach (var (key, contact) in new[]
                 {
                     (nameof(options.DataProtectionOfficer), options.DataProtectionOfficer),
                     (nameof(options.DataProtectionAuthority), options.DataProtectionAuthority),
                     ($"{nameof(options.Accessibility)}:{nameof(options.Accessibility.EnforcementBody)}", options.Accessibility.EnforcementBody),
                 })
        {
            Required($"{key}:{nameof(contact.Name)}", contact.Name);
            Email($"{key}:{nameof(contact.Email)}", contact.Email);
        }

        if (!Conformities.Contains(options.Accessibility.Conformity, StringComparer.Ordinal))
        {
            failures.Add($"{CityOptions.SectionName}:Accessibility:Conformity must be one of {string.Join(", ", Conformities)}: '{options.Accessibility.Conformity}'.");
        }

        if (options.Accessibility.SignLanguageVideoUrl.Length > 0 && !IsSafeAddress(options.Accessibility.SignLanguageVideoUrl))
        {
            failures.Add($"{CityOptions.SectionName}:Accessibility:SignLanguageVideoUrl must be a path on this site (/…) or an https address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The contrast ratio of two relative luminances (WCAG 2.1, definition "contrast ratio"): 1 to 21.</summary>
    public static double Contrast(double first, double second) =>
        (Math.Max(first, second) + 0.05) / (Math.Min(first, second) + 0.05);

    /// <summary>The relative luminance of <c>#rrggbb</c> (WCAG 2.1, definition "relative luminance", sRGB); null when malformed.</summary>
    public static double? Luminance(string colour)
    {
        if (colour.Length != 7 || colour[0] != '#' || !int.TryParse(colour.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            return null;
        }

        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel((rgb >> 16) & 0xff)) + (0.7152 * Channel((rgb >> 8) & 0xff)) + (0.0722 * Channel(rgb & 0xff));
    }

    // A path on this site ("/img/logo.svg", not "//elsewhere") or an absolute https address: the
    // Content-Security-Policy allows images from 'self' and https: only.
    private static bool IsSafeAddress(string value) =>
        (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}
