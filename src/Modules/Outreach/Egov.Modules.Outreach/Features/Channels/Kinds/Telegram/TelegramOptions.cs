
namespace Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;

/// <summary>Settings of the Telegram Bot API, section <c>Egov:Outreach:Telegram</c>; validated at startup.</summary>
internal sealed class TelegramOptions
{
    public const string Section = "Egov:Outreach:Telegram";

    /// <summary>
    /// Base address of the Bot API server (https://core.telegram.org/bots/api#making-requests:
    /// <c>https://api.telegram.org/bot&lt;token&gt;/METHOD_NAME</c>). Default <c>https://api.telegram.org</c>;
    /// a self-hosted Bot API server or, in tests, a fake on a loopback address (where plain http is allowed).
    /// </summary>
    public Uri ApiBaseAddress { get; set; } = new("https://api.telegram.org");

    public static bool IsValid(TelegramOptions options) =>
        options.ApiBaseAddress is { IsAbsoluteUri: true } address
        && (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));
}
