using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.SharedKernel.Hosting;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>
/// Turns a published alert into a CAP 1.2 message: one <c>info</c> per language variant, the
/// city's sender, the alert's id as identifier, references to the alerts it updates or cancels.
/// </summary>
internal static class AlertCapExport
{
    /// <summary>CAP identifier of an Egov alert (no spaces, commas or &lt; &amp;, CAP 1.2 §3.2.1).</summary>
    public static string Identifier(Guid id) => $"urn:uuid:{id}";

    /// <param name="alert">A published announcement of kind Alert.</param>
    /// <param name="referenced">The published alerts it references (for Update and Cancel).</param>
    /// <param name="options">Sender settings.</param>
    /// <param name="site">Public address for the <c>web</c> element.</param>
    public static CapAlert ToCap(Announcement alert, IReadOnlyList<Announcement> referenced, AnnouncementOptions options, PublicSiteOptions site)
    {
        var details = alert.Content.Alert ?? throw new ArgumentException("Not an alert.", nameof(alert));
        var web = details.Web ?? site.Link($"announcements/{alert.Slug}");
        return new CapAlert
        {
            Identifier = Identifier(alert.Id),
            Sender = options.AlertSender,
            Sent = CivilTime.ToBerlin(alert.PublishedAt!.Value),
            Status = CapStatus.Actual,
            MessageType = Enum.Parse<CapMessageType>(details.MsgType),
            Scope = CapScope.Public,
            References = new ValueList<CapReference>(referenced.Select(r =>
                new CapReference(options.AlertSender, Identifier(r.Id), CivilTime.ToBerlin(r.PublishedAt!.Value)))),
            Infos = new ValueList<CapInfo>(alert.Content.Variants.Select(v => new CapInfo
            {
                Language = v.Language switch { "de" => "de-DE", "en" => "en", var other => other },
                Categories = [Enum.Parse<CapCategory>(details.Category)],
                Event = details.Event,
                ResponseTypes = [Enum.Parse<CapResponseType>(details.ResponseType)],
                Urgency = Enum.Parse<CapUrgency>(details.Urgency),
                Severity = Enum.Parse<CapSeverity>(details.Severity),
                Certainty = Enum.Parse<CapCertainty>(details.Certainty),
                Onset = CivilTime.ToBerlin(details.Onset),
                Expires = CivilTime.ToBerlin(details.Expires),
                SenderName = details.SenderName,
                Headline = v.Title,
                Description = string.Join("\n\n", new[] { v.Summary, MarkdownRenderer.ToPlainText(v.BodyMarkdown) }.Where(t => t.Length > 0)),
                Instruction = details.Instruction,
                Web = web.AbsoluteUri,
                Contact = details.Contact,
                Areas = new ValueList<CapArea>(details.Areas.Select(a => new CapArea
                {
                    Description = a.Description,
                    Polygons = new ValueList<CapPolygon>(a.Polygons.Select(ring =>
                        new CapPolygon(new ValueList<CapPoint>(ring.Select(p => new CapPoint((decimal)p[0], (decimal)p[1])))))),
                    Circles = new ValueList<CapCircle>(a.Circles.Select(c =>
                        new CapCircle(new CapPoint((decimal)c.Latitude, (decimal)c.Longitude), (decimal)c.RadiusKm))),
                    Geocodes = new ValueList<CapNamedValue>(a.Geocodes.Select(g => new CapNamedValue(g.ValueName, g.Value))),
                })),
            })),
        };
    }
}
