using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Notifications;
using Microsoft.Extensions.Options;

namespace Egov.IntegrationTests.Forms.Notifications;

/// <summary>Inputs and composers for the status mail tests.</summary>
internal static class StatusMails
{
    public const string Recipient = "erika.mustermann@example.org";
    public const string ReferenceNumber = "EGOV-2026-000042";
    public const string Sender = "noreply@musterstadt.example";
    public const string SenderName = "Stadt Musterstadt – Bürgerservice";

    public static readonly LocalizedText DogTax = new("Anmeldung eines Hundes zur Hundesteuer", "Dog tax registration");
    public static readonly Uri Link = new("https://buergerportal.musterstadt.example/antraege/01a22809-8519-7183-aa58-021036d485bc");
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 16, 1, 4, TimeSpan.Zero);

    public static StatusMailInput Input(
        string status = ApplicationStatuses.InformationRequested,
        string? language = "de",
        DateOnly? answerDueBy = null,
        LocalizedText? formTitle = null,
        string recipient = Recipient,
        Uri? link = null) =>
        new(recipient, language, ReferenceNumber, formTitle ?? DogTax, status, answerDueBy, link ?? Link);

    public static MailOptions Options(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions { SenderAddress = Sender, SenderName = SenderName };
        configure?.Invoke(options);
        return options;
    }

    public static StatusMailComposer Composer(MailOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? Options()), new FixedTime(Now));

    /// <summary>Plain-text body with LF line ends, whatever the transport made of them.</summary>
    public static string Text(MimeKit.MimeMessage message) => (message.TextBody ?? "").ReplaceLineEndings("\n");

    public static string Html(MimeKit.MimeMessage message) => (message.HtmlBody ?? "").ReplaceLineEndings("\n");

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
