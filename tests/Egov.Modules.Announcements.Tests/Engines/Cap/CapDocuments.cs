using System.Text;

namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>A small valid CAP 1.2 document to vary one element at a time.</summary>
internal static class CapDocuments
{
    public const string Minimal = """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>egov-2026-0042</identifier>
          <sender>krisenstab@example-stadt.de</sender>
          <sent>2026-11-29T18:00:00+01:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <language>de-DE</language>
            <category>Met</category>
            <event>Unwetter</event>
            <urgency>Immediate</urgency>
            <severity>Severe</severity>
            <certainty>Likely</certainty>
            <onset>2026-11-29T20:00:00+01:00</onset>
            <expires>2026-11-30T06:00:00+01:00</expires>
            <headline>Unwetterwarnung für das Stadtgebiet</headline>
            <area>
              <areaDesc>Stadtgebiet</areaDesc>
              <polygon>51.20,7.60 51.20,7.70 51.30,7.70 51.30,7.60 51.20,7.60</polygon>
              <geocode><valueName>AGS</valueName><value>05962024</value></geocode>
            </area>
          </info>
        </alert>
        """;

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
