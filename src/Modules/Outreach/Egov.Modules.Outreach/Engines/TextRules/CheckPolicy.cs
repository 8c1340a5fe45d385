namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// The city's settings for the guideline checks, bound from configuration section
/// <c>Egov:Outreach:Checks</c>. Terms in <see cref="BannedTerms"/> and <see cref="PersonalDataDenyList"/>
/// match case-insensitively as whole words (see <see cref="TermMatcher"/>).
/// </summary>
internal sealed class CheckPolicy
{
    /// <summary>The configuration section this binds from.</summary>
    public const string SectionName = "Egov:Outreach:Checks";

    /// <summary>Terms the guidelines ban in every post (public or not). A trailing or leading <c>*</c> stands for the rest of the word.</summary>
    public IReadOnlyList<string> BannedTerms { get; set; } = [];

    /// <summary>Personal data the scanners cannot recognise by shape, e.g. staff names; blocked in public posts.</summary>
    public IReadOnlyList<string> PersonalDataDenyList { get; set; } = [];

    /// <summary>
    /// The city's own published contact data (the press office's address, the switchboard number, the
    /// cashier's IBAN) that public posts may name: e-mail addresses (any case), phone numbers (any notation,
    /// compared as E.164) and IBANs (any spacing or case).
    /// </summary>
    public IReadOnlyList<string> PersonalDataAllowList { get; set; } = [];

    /// <summary>The imprint (Impressum) URL a variant must contain where its channel requires it.</summary>
    public string? ImprintUrl { get; set; }

    /// <summary>ISO 3166-1 alpha-2 region for phone numbers written without a country code, e.g. <c>0151 23456789</c>.</summary>
    public string DefaultPhoneRegion { get; set; } = "DE";
}
