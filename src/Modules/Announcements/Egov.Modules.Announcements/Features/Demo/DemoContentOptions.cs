namespace Egov.Modules.Announcements.Features.Demo;

/// <summary>Demo content for a newcomer's first look (configuration section <c>Egov:Demo</c>).</summary>
internal sealed class DemoContentOptions
{
    public const string SectionName = "Egov:Demo";

    /// <summary>
    /// Seed a few announcements at start when there are none yet: <c>true</c> in
    /// <c>appsettings.Development.json</c>, <c>false</c> everywhere else (tests start empty; an
    /// installation never gets example news). A database with any announcement is never touched.
    /// </summary>
    public bool Enabled { get; set; }
}
