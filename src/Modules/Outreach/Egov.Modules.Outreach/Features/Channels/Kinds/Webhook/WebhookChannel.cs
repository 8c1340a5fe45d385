using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Egov.SharedKernel.Http;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Webhook;

/// <summary>
/// An HTTPS endpoint receiving HMAC-SHA256-signed JSON (<see cref="WebhookSignature"/>); credential <c>secret</c>
/// of at least 32 characters. It feeds other systems: not listed among the city's public voices.
/// </summary>
internal sealed class WebhookChannel : ChannelKind<WebhookAdapter>
{
    /// <summary>The least length of the HMAC-SHA256 key, in characters.</summary>
    public const int MinSecretLength = 32;

    /// <summary>
    /// Egov's signed webhook: no platform sets a limit, so Egov sets its own to keep payloads bounded and posts
    /// readable wherever a receiver shows them: 5000 grapheme clusters and 64 KiB of UTF-8, 10 media, alt text
    /// carried in the JSON (so required). No image limit beyond Egov's own upload limit.
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(5000, LengthUnit.GraphemeClusters, 64 * 1024, 0, 10, SupportsAltText: true, ChannelCapabilities.PlainFormatting);

    public override string Name => OutreachChannelKinds.Webhook;

    public override string DisplayNameDe => "Webhook";

    public override string DisplayNameEn => "Webhook";

    public override int Order => 4;

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["secret"];

    public override bool IsPublicVoice => false;

    public override ChannelFieldHint AddressHint { get; } = new("Empfänger-URL", "receiver URL");

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        if (!IsAbsoluteHttpUrl(input.Address))
        {
            fail("address", "Must be an absolute https:// URL without query or fragment.");
        }

        if (input.Credentials?.GetValueOrDefault("secret") is { Length: > 0 and < MinSecretLength })
        {
            fail("credentials.secret", $"Must be at least {MinSecretLength} characters (HMAC-SHA256 key).");
        }
    }
}
