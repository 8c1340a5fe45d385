using System.Net;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Checks <see cref="MailOptions"/> when the host starts (registered as
/// <see cref="IValidateOptions{TOptions}"/> with <c>ValidateOnStart</c> by
/// <see cref="StatusMailExtensions.AddStatusMail"/>): a host with a broken mail configuration
/// refuses to start instead of failing at the first status change. The server settings are
/// checked only when <see cref="MailOptions.Enabled"/> is true; a disabled host needs none.
/// </summary>
internal sealed class MailOptionsValidator : AbstractValidator<MailOptions>, IValidateOptions<MailOptions>
{
    /// <summary>Longest allowed <see cref="MailOptions.SenderName"/>, in characters.</summary>
    public const int MaxSenderNameLength = 200;

    /// <summary>Shortest allowed <see cref="MailOptions.Timeout"/>.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest allowed <see cref="MailOptions.Timeout"/>.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public MailOptionsValidator()
    {
        RuleFor(o => o.Security).IsInEnum();
        RuleFor(o => o.SenderAddress)
            .Must(address => MailAddresses.TryParseBare(address, out _))
            .When(o => o.SenderAddress is not null)
            .WithMessage("Must be one bare e-mail address such as noreply@musterstadt.example, without a display name.");
        RuleFor(o => o.SenderName)
            .MaximumLength(MaxSenderNameLength)
            .Must(name => !name!.Any(char.IsControl)).WithMessage("Must be one line without control characters.")
            .When(o => o.SenderName is not null);

        When(o => o.Enabled, () =>
        {
            RuleFor(o => o.Host).NotEmpty()
                .Must(host => !host.Any(char.IsWhiteSpace)).WithMessage("Must be a host name or IP address without spaces.");
            RuleFor(o => o.Port).InclusiveBetween(1, 65535);
            RuleFor(o => o.SenderAddress).NotEmpty().WithMessage("Is required when mail is enabled.");
            RuleFor(o => o.Timeout).InclusiveBetween(MinTimeout, MaxTimeout);
            RuleFor(o => o.Password).NotEmpty()
                .When(o => !string.IsNullOrEmpty(o.UserName))
                .WithMessage("Is required when a user name is set.");
            RuleFor(o => o.UserName).NotEmpty()
                .When(o => !string.IsNullOrEmpty(o.Password))
                .WithMessage("Is required when a password is set.");
            // A password over plain SMTP crosses the network readable; only the machine itself is safe.
            RuleFor(o => o.Security).NotEqual(MailSecurity.None)
                .When(o => !string.IsNullOrEmpty(o.UserName) && !IsLoopback(o.Host))
                .WithMessage("Must be StartTls or SslOnConnect when credentials are sent to a host other than localhost.");
        });
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var result = Validate(options);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(e => $"{MailOptions.SectionName}:{e.PropertyName}: {e.ErrorMessage}"));
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
