namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>The kinds of personal data <see cref="PersonalDataScanner"/> recognises.</summary>
internal enum PersonalDataKind
{
    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A phone number (ITU-T E.164 numbering, recognised by libphonenumber).</summary>
    Phone,

    /// <summary>An IBAN (ISO 13616).</summary>
    Iban,

    /// <summary>An entry of <see cref="CheckPolicy.PersonalDataDenyList"/>.</summary>
    DenyListEntry,
}
