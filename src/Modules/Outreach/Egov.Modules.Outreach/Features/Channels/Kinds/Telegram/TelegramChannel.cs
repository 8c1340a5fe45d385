using System.Text.RegularExpressions;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;

/// <summary>
/// A Telegram channel, posted to by a bot (Telegram Bot API); address the chat id, credential <c>botToken</c>;
/// settings <c>Egov:Outreach:Telegram</c> (<see cref="TelegramOptions"/>).
/// </summary>
internal sealed partial class TelegramChannel : ChannelKind<TelegramAdapter>
{
    /// <summary>
    /// Telegram Bot API: <c>sendMessage</c> text "1-4096 characters after entities parsing", sent with
    /// <c>parse_mode=HTML</c>; with media the text goes as the caption (1024, <see cref="ChannelCapabilities.MaxLengthWithMedia"/>);
    /// <c>sendMediaGroup</c> takes 2-10 items; Telegram has no alt text. Images go as photos, and "the photo must
    /// be at most 10 MB in size" (Bot API, <c>sendPhoto</c>; 10,000,000 bytes, the smaller reading of "MB").
    /// </summary>
    public static ChannelCapabilities Documented { get; } =
        new(4096, LengthUnit.TelegramCharacters, null, 0, 10, SupportsAltText: false, ChannelCapabilities.HtmlFormatting)
        {
            MaxLengthWithMedia = 1024,
            MaxImageBytes = 10_000_000,
        };

    public override string Name => OutreachChannelKinds.Telegram;

    public override string DisplayNameDe => "Telegram";

    public override string DisplayNameEn => "Telegram";

    public override int Order => 2;

    public override ChannelCapabilities DocumentedCapabilities => Documented;

    public override IReadOnlyList<string> CredentialKeys { get; } = ["botToken"];

    public override ChannelFieldHint AddressHint { get; } = new("@kanalname oder -100…", "@channelname or -100…");

    /// <summary><c>https://t.me/{channel}</c> for a public <c>@name</c>; a private chat id has no public page.</summary>
    public override Uri? ProfileUrl(string? address, string? account) =>
        address is { Length: > 1 } && address.StartsWith('@') ? new Uri("https://t.me/" + Uri.EscapeDataString(address[1..])) : null;

    public override void Validate(ChannelInput input, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fail);
        if (string.IsNullOrWhiteSpace(input.Address))
        {
            fail("address", Required("Address"));
        }
        else if (!Chat().IsMatch(input.Address))
        {
            fail("address", "Must be the channel's @username or its numeric chat id (-100…).");
        }
    }

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.Section))
            .Validate(TelegramOptions.IsValid, $"{TelegramOptions.Section}:ApiBaseAddress must be an absolute https:// URL (http:// only on a loopback address).")
            .ValidateOnStart();
        base.AddServices(services, configuration);
    }

    /// <summary>The Bot API carries the bot token in the path: no request logging for this client.</summary>
    protected override IHttpClientBuilder ConfigureHttpClient(IHttpClientBuilder client) => client.RemoveAllLoggers();

    [GeneratedRegex(@"^(@[A-Za-z][A-Za-z0-9_]{4,31}|-?\d{5,20})$")]
    private static partial Regex Chat();
}
