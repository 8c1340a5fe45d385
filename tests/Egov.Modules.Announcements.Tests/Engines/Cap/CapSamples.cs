using Egov.Modules.Announcements.Engines.Cap;

namespace Egov.Modules.Announcements.Tests.Engines.Cap;

/// <summary>Alerts built in code: a valid baseline to vary, and one with every element set.</summary>
internal static class CapSamples
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    public static CapAlert Valid() => new()
    {
        Identifier = "egov-2026-0042",
        Sender = "krisenstab@example-stadt.de",
        Sent = new DateTimeOffset(2026, 11, 29, 18, 0, 0, Winter),
        Status = CapStatus.Actual,
        MessageType = CapMessageType.Alert,
        Scope = CapScope.Public,
        Infos =
        [
            new CapInfo
            {
                Language = "de-DE",
                Categories = [CapCategory.Met],
                Event = "Unwetter",
                Urgency = CapUrgency.Immediate,
                Severity = CapSeverity.Severe,
                Certainty = CapCertainty.Likely,
                Onset = new DateTimeOffset(2026, 11, 29, 20, 0, 0, Winter),
                Expires = new DateTimeOffset(2026, 11, 30, 6, 0, 0, Winter),
                Areas = [new CapArea { Description = "Stadtgebiet", Polygons = [Square] }],
            },
        ],
    };

    /// <summary>A closed square polygon with five points.</summary>
    public static CapPolygon Square { get; } = new(
        [new(51.20m, 7.60m), new(51.20m, 7.70m), new(51.30m, 7.70m), new(51.30m, 7.60m), new(51.20m, 7.60m)]);

    /// <summary>Every element of CAP 1.2 set, in two languages, with text that needs escaping.</summary>
    public static CapAlert Full() => new()
    {
        Identifier = "egov-2026-0043",
        Sender = "krisenstab@example-stadt.de",
        Sent = new DateTimeOffset(2026, 7, 1, 12, 30, 15, TimeSpan.FromHours(2)),
        Status = CapStatus.Exercise,
        MessageType = CapMessageType.Update,
        Source = "Leitstelle <Übung> & Test",
        Scope = CapScope.Private,
        Restriction = "nur Einsatzkräfte",
        Addresses = ["feuerwehr@example-stadt.de", "Krisenstab Nord"],
        Codes = ["DVN:20", "profile:DE-BBK:1.0"],
        Note = "Übung \"Hochwasser 2026\"",
        References =
        [
            new("krisenstab@example-stadt.de", "egov-2026-0040", new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero)),
            new("krisenstab@example-stadt.de", "egov-2026-0041", new DateTimeOffset(2026, 7, 1, 11, 0, 0, TimeSpan.FromHours(2))),
        ],
        Incidents = ["HW-2026-07", "Deich Süd"],
        Infos =
        [
            new CapInfo
            {
                Language = "de-DE",
                Categories = [CapCategory.Met, CapCategory.Safety],
                Event = "Hochwasser",
                ResponseTypes = [CapResponseType.Evacuate, CapResponseType.AllClear],
                Urgency = CapUrgency.Expected,
                Severity = CapSeverity.Extreme,
                Certainty = CapCertainty.Observed,
                Audience = "Anwohnende",
                EventCodes = [new("profile:DE-BBK-EVENTCODE", "BBK-EVC-040")],
                Effective = new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.FromHours(2)),
                Onset = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)),
                Expires = new DateTimeOffset(2026, 7, 2, 12, 0, 0, TimeSpan.FromHours(2)),
                SenderName = "Stadt Musterstadt, Krisenstab",
                Headline = "Hochwasser: Evakuierung der Uferstraße",
                Description = "Zeile 1\r\nZeile 2\rZeile 3\nEnde ]]> & <b>fett</b>",
                Instruction = "Verlassen Sie das Gebiet.\tNehmen Sie Medikamente mit.",
                Web = "https://www.example-stadt.de/warnungen/hochwasser?lang=de&x=1",
                Contact = "+49 2351 0000000",
                Parameters = [new("sender_signature", "Stadt Musterstadt\nRathausplatz 1"), new("empty", "")],
                Resources =
                [
                    new CapResource
                    {
                        Description = "Karte",
                        MimeType = "image/png",
                        Size = 1234,
                        Uri = "https://www.example-stadt.de/karte.png",
                        DerefUri = "iVBORw0KGgo=",
                        Digest = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                    },
                ],
                Areas =
                [
                    new CapArea
                    {
                        Description = "Uferstraße",
                        Polygons = [Square, Square],
                        Circles = [new(new(51.25m, 7.65m), 1.5m), new(new(-33.9m, 151.2m), 0m)],
                        Geocodes = [new("AGS", "05962024"), new("ARS", "059620024024")],
                        Altitude = 100.5m,
                        Ceiling = 3000m,
                    },
                    new CapArea { Description = "Rest des Stadtgebiets", Geocodes = [new("WARNCELLID", "805962024")] },
                ],
            },
            new CapInfo
            {
                Language = "de-LS",
                Categories = [CapCategory.Met],
                Event = "Hochwasser",
                Urgency = CapUrgency.Expected,
                Severity = CapSeverity.Extreme,
                Certainty = CapCertainty.Observed,
                Headline = "Hochwasser. Bitte gehen Sie weg.",
                Areas = [new CapArea { Description = "Uferstraße" }],
            },
        ],
    };
}
