namespace Egov.Host.Portal.City;

/// <summary>
/// The city this installation speaks for (configuration section <c>Egov:City</c>): its name, logo and
/// colours in the portal's header, its address, contact and opening hours in every footer and on the
/// home page, and what the legal pages must say — the imprint (Impressum, § 5 DDG), the privacy
/// notice (Datenschutzerklärung, Art. 13 GDPR) and the accessibility statement
/// (Erklärung zur Barrierefreiheit, § 7 BITV 2.0). The defaults describe the example city
/// "Musterstadt" (development and tests); an installation replaces every value. Checked at start
/// (<see cref="CityOptionsValidator"/>): the host does not start with a missing name, address or
/// contact, a malformed e-mail address or web address, or a colour without 4.5:1 contrast on white.
/// </summary>
internal sealed class CityOptions
{
    public const string SectionName = "Egov:City";

    /// <summary>The city's name, e.g. <c>Lüdenscheid</c>.</summary>
    public string Name { get; set; } = "Musterstadt";

    /// <summary>The public body's name as it signs, German, e.g. <c>Stadt Lüdenscheid</c>.</summary>
    public string OfficialName { get; set; } = "Stadt Musterstadt";

    /// <summary>The same in English, e.g. <c>City of Lüdenscheid</c>.</summary>
    public string OfficialNameEnglish { get; set; } = "City of Musterstadt";

    /// <summary>
    /// The logo shown in the header: a path under the host's <c>wwwroot</c> (<c>/img/wappen.svg</c>) or
    /// an absolute <c>https</c> address; empty for none (the name alone).
    /// </summary>
    public string LogoUrl { get; set; } = "";

    /// <summary>The logo's text alternative; empty when the logo only repeats the name next to it (then it is decorative).</summary>
    public string LogoAlt { get; set; } = "";

    /// <summary>The header's background and the buttons' colour, <c>#rrggbb</c>; needs 4.5:1 against white text (WCAG 2.1 SC 1.4.3).</summary>
    public string PrimaryColor { get; set; } = "#00507a";

    /// <summary>The colour of links, <c>#rrggbb</c>; needs 4.5:1 against the white page.</summary>
    public string LinkColor { get; set; } = "#0b4f9c";

    /// <summary>Street and number of the town hall, e.g. <c>Rathausplatz 1</c>.</summary>
    public string Street { get; set; } = "Rathausplatz 1";

    /// <summary>Postal code.</summary>
    public string PostalCode { get; set; } = "12345";

    /// <summary>Locality of the postal address.</summary>
    public string Locality { get; set; } = "Musterstadt";

    /// <summary>The central telephone number as dialled, e.g. <c>0123 456-0</c>.</summary>
    public string Phone { get; set; } = "0123 456-0";

    /// <summary>The central e-mail address (§ 5 (1) 2 DDG: a fast electronic contact).</summary>
    public string Email { get; set; } = "buergerservice@musterstadt.example";

    /// <summary>Opening hours of the citizens' office, one line each, German (e.g. <c>Mo–Fr 8–12 Uhr</c>).</summary>
    public List<string> OpeningHours { get; set; } = [];

    /// <summary>The same lines in English, in the same order; empty: the German lines are shown.</summary>
    public List<string> OpeningHoursEnglish { get; set; } = [];

    /// <summary>Who represents the body (§ 5 (1) 1 DDG), e.g. <c>Bürgermeisterin Erika Beispiel</c>.</summary>
    public string Representative { get; set; } = "Bürgermeisterin Erika Beispiel";

    /// <summary>Legal form, e.g. <c>Gebietskörperschaft des öffentlichen Rechts</c>.</summary>
    public string LegalForm { get; set; } = "Gebietskörperschaft des öffentlichen Rechts";

    /// <summary>VAT identification number (§ 5 (1) 6 DDG), empty when the body has none.</summary>
    public string VatId { get; set; } = "";

    /// <summary>The supervisory authority (§ 5 (1) 3 DDG; for a municipality the Kommunalaufsicht), name and address in one line.</summary>
    public string SupervisoryAuthority { get; set; } = "Landrätin des Musterkreises als untere Kommunalaufsichtsbehörde, Kreishausstraße 1, 12340 Musterkreis";

    /// <summary>Who answers for the editorial content (§ 18 (2) MStV), name and address in one line.</summary>
    public string EditorialResponsible { get; set; } = "Pressestelle der Stadt Musterstadt, Rathausplatz 1, 12345 Musterstadt";

    /// <summary>The data protection officer (Art. 13 (1) b, Art. 37 GDPR).</summary>
    public ContactSettings DataProtectionOfficer { get; set; } = new()
    {
        Name = "Behördlicher Datenschutzbeauftragter der Stadt Musterstadt",
        Email = "datenschutz@musterstadt.example",
        Address = "Rathausplatz 1, 12345 Musterstadt",
    };

    /// <summary>The data-protection supervisory authority a complaint goes to (Art. 13 (2) d, Art. 77 GDPR).</summary>
    public ContactSettings DataProtectionAuthority { get; set; } = new()
    {
        Name = "Landesbeauftragte für Datenschutz und Informationsfreiheit (Beispiel)",
        Email = "poststelle@ldi.example",
        Address = "Musterallee 2, 12300 Landeshauptstadt",
    };

    /// <summary>What the accessibility statement says (§ 7 BITV 2.0, EU implementing decision 2018/1523).</summary>
    public AccessibilitySettings Accessibility { get; set; } = new();

    /// <summary>A person or office to write to: name, e-mail address, postal address in one line.</summary>
    internal sealed class ContactSettings
    {
        public string Name { get; set; } = "";

        public string Email { get; set; } = "";

        public string Address { get; set; } = "";
    }

    /// <summary>The accessibility statement's facts.</summary>
    internal sealed class AccessibilitySettings
    {
        /// <summary><c>Full</c>, <c>Partial</c> or <c>None</c>: how far the site meets BITV 2.0 / EN 301 549.</summary>
        public string Conformity { get; set; } = "Partial";

        /// <summary>The day the statement was made or last reviewed (a calendar date, <c>yyyy-MM-dd</c>).</summary>
        public DateOnly StatementDate { get; set; } = new(2026, 12, 7);

        /// <summary>How it was assessed, German (e.g. <c>Selbstbewertung mit axe-core und manueller Prüfung</c>).</summary>
        public string Method { get; set; } = "Selbstbewertung: automatische Prüfung jeder Seite mit axe-core (WCAG 2.1 A und AA) und Prüfung mit der Tastatur";

        /// <summary>Known limitations, German, one per line.</summary>
        public List<string> KnownLimitations { get; set; } = [];

        /// <summary>The enforcement body (Schlichtungsstelle / Durchsetzungsverfahren, § 7 (1) 2 BITV 2.0).</summary>
        public ContactSettings EnforcementBody { get; set; } = new()
        {
            Name = "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
            Email = "info@schlichtungsstelle-bgg.de",
            Address = "Mauerstraße 53, 10117 Berlin",
        };

        /// <summary>The sign-language video of the start page (§ 4 BITV 2.0): an https address or a path under wwwroot; empty until the city has one.</summary>
        public string SignLanguageVideoUrl { get; set; } = "";
    }
}
