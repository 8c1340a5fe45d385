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
    /// Absolute URL the demo webhook channel posts to, e.g. <c>http://127.0.0.1:5080/_demo/webhook-sink</c> (the sink
    /// that <see cref="DemoWebhookSink"/> serves on the same host). Plain http needs
    /// <c>Egov:Outreach:AllowLoopbackHttp</c>. Without it no demo channel is made.
    /// </summary>
    public string? WebhookSinkUrl { get; set; }

    /// <summary>The channel's HMAC-SHA256 secret (at least 32 characters); a random one when empty.</summary>
    public string? WebhookSecret { get; set; }
}
