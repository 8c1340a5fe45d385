namespace Egov.Modules.Outreach.Features.Demo;

/// <summary>
/// The demo part of Outreach (configuration section <c>Egov:Demo</c>, shared with the demo announcements):
/// a webhook channel to a sink on the development host itself, so that a newcomer sees a post travel.
/// </summary>
internal sealed class DemoOutreachOptions
{
    public const string SectionName = "Egov:Demo";

    /// <summary>Demo content at all: <c>true</c> in <c>appsettings.Development.json</c>, <c>false</c> elsewhere.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Where the demo webhook channel posts to: a path such as <c>/_demo/webhook-sink</c> (the Development default:
    /// the sink that <see cref="DemoWebhookSink"/> serves on this very host, reached at the first HTTP address the
    /// server listens on, whatever its port), or an absolute URL of another receiver. Plain http needs
    /// <c>Egov:Outreach:AllowLoopbackHttp</c>. Without it no demo channel is made.
    /// </summary>
    public string? WebhookSinkUrl { get; set; }

    /// <summary>The channel's HMAC-SHA256 secret (at least 32 characters); a random one when empty.</summary>
    public string? WebhookSecret { get; set; }
}
