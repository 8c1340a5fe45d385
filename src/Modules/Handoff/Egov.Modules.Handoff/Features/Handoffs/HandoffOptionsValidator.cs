using System.Text.RegularExpressions;
using Egov.Modules.Handoff.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// Refuses to start with a target that could not work or would leak: a push target without an
/// <c>https://</c> URL (plain <c>http://</c> only with <see cref="HandoffOptions.AllowInsecureTargets"/> outside
/// Production) or with a secret under 32 characters, a pull target without a client subject, a
/// target without forms.
/// </summary>
internal sealed partial class HandoffOptionsValidator(IHostEnvironment environment) : IValidateOptions<HandoffOptions>
{
    public const int MinSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts < 1)
        {
            failures.Add("Egov:Handoff:MaxAttempts must be at least 1.");
        }

        foreach (var (key, target) in options.Targets)
        {
            var at = $"Egov:Handoff:Targets:{key}";
            if (!KeyPattern().IsMatch(key))
            {
                failures.Add($"{at}: a target key is 1 to 64 letters, digits or '-'.");
            }

            if (target.Forms.Count == 0 || target.Forms.Any(f => string.IsNullOrWhiteSpace(f.Key)))
            {
                failures.Add($"{at}:Forms must name at least one form by its key.");
            }

            if (target.Kind is not (HandoffTargetKind.Push or HandoffTargetKind.Pull))
            {
                // Xdomea names the record of an export, not a way a configured target takes events.
                failures.Add($"{at}:Kind must be Push or Pull.");
            }
            else if (target.Kind == HandoffTargetKind.Push)
            {
                var insecureAllowed = options.AllowInsecureTargets && !environment.IsProduction();
                if (target.Url is not { IsAbsoluteUri: true } url || !(url.Scheme == Uri.UriSchemeHttps || (insecureAllowed && url.Scheme == Uri.UriSchemeHttp)))
                {
                    failures.Add($"{at}:Url must be an absolute https:// address.");
                }

                if (string.IsNullOrEmpty(target.Secret) || target.Secret.Length < MinSecretLength)
                {
                    failures.Add($"{at}:Secret must be at least {MinSecretLength} characters (HMAC-SHA256 key).");
                }

                if (target.Timeout <= TimeSpan.Zero || target.Timeout >= options.LeaseDuration)
                {
                    failures.Add($"{at}:Timeout must be positive and shorter than Egov:Handoff:LeaseDuration.");
                }
            }
            else if (string.IsNullOrWhiteSpace(target.ClientSubject))
            {
                failures.Add($"{at}:ClientSubject must name the service account (the sub of its access token).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex KeyPattern();
}
