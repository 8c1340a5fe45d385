using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// Finds personal data in a text: e-mail addresses, phone numbers, IBANs and the entries of the configured
/// deny list, except what <see cref="CheckPolicy.PersonalDataAllowList"/> names as the city's own.
/// </summary>
/// <remarks>
/// Phone numbers: libphonenumber's <c>PhoneNumberUtil.FindNumbers</c> (ITU-T E.164 numbering plans) with the
/// policy's default region for numbers without country code and <c>Leniency.VALID</c>: a candidate must be a
/// valid number of its region. That finds "0151 23456789", "+49 151 23456789", "030 1234567", "(030) 123 45
/// 67" and "+44 20 7946 0958", and leaves dates ("29.11.2026"), times, amounts ("1.234,56 €"), postcodes,
/// years and reference numbers ("EGOV-2026-000123") alone, which <c>Leniency.POSSIBLE</c> (length only) does not.
/// A phone candidate inside an IBAN or e-mail address already found is not reported again.
/// </remarks>
internal sealed partial class PersonalDataScanner
{
    private readonly PhoneNumberUtil _phoneNumbers = PhoneNumberUtil.GetInstance();
    private readonly string _region;
    private readonly TermMatcher _denyList;
    private readonly HashSet<string> _allowed;

    /// <exception cref="ArgumentException">The policy's <see cref="CheckPolicy.DefaultPhoneRegion"/> is not a region libphonenumber knows.</exception>
    public PersonalDataScanner(CheckPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _region = policy.DefaultPhoneRegion.ToUpperInvariant();
        if (!_phoneNumbers.GetSupportedRegions().Contains(_region))
        {
            throw new ArgumentException($"DefaultPhoneRegion '{policy.DefaultPhoneRegion}' is not an ISO 3166-1 region with a numbering plan.", nameof(policy));
        }

        _denyList = new TermMatcher(policy.PersonalDataDenyList);
        _allowed = [.. policy.PersonalDataAllowList.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(AllowListKey)];
    }

    /// <summary>Every item found, in text order.</summary>
    public IReadOnlyList<PersonalDataItem> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = new List<PersonalDataItem>();
        items.AddRange(Iban.Find(text).Select(iban => new PersonalDataItem(PersonalDataKind.Iban, text.Substring(iban.Index, iban.Length), iban.Index, iban.Normalized)));
        items.AddRange(EmailAddress().Matches(text).Select(email => new PersonalDataItem(PersonalDataKind.Email, email.Value, email.Index, email.Value)));

        var recognised = items.ToList();
        foreach (var phone in _phoneNumbers.FindNumbers(text, _region, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            if (!recognised.Any(item => item.Index < phone.Start + phone.Length && phone.Start < item.Index + item.Value.Length))
            {
                items.Add(new PersonalDataItem(PersonalDataKind.Phone, phone.RawString, phone.Start, _phoneNumbers.Format(phone.Number, PhoneNumberFormat.E164)));
            }
        }

        items.AddRange(_denyList.Find(text).Select(entry => new PersonalDataItem(PersonalDataKind.DenyListEntry, entry.Value, entry.Index, entry.Term)));
        return [.. items.Where(item => !_allowed.Contains(KeyOf(item.Kind, item.Normalized))).OrderBy(item => item.Index)];
    }

    private string AllowListKey(string entry)
    {
        var trimmed = entry.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return KeyOf(PersonalDataKind.Email, trimmed);
        }

        var iban = Iban.Normalize(trimmed);
        if (Iban.IsValid(iban))
        {
            return KeyOf(PersonalDataKind.Iban, iban);
        }

        try
        {
            return KeyOf(PersonalDataKind.Phone, _phoneNumbers.Format(_phoneNumbers.Parse(trimmed, _region), PhoneNumberFormat.E164));
        }
        catch (NumberParseException)
        {
            throw new ArgumentException($"PersonalDataAllowList entry '{trimmed}' is neither an e-mail address, an IBAN nor a phone number.", nameof(entry));
        }
    }

    private static string KeyOf(PersonalDataKind kind, string normalized) => $"{kind}:{normalized.ToUpperInvariant()}";

    // Pragmatic, not RFC 5322: a local part of letters, digits and ._%+- (Unicode letters too, RFC 6531),
    // '@', dot-separated labels, a top-level domain of two or more letters. Not preceded by '@' or a local-part
    // character, so a Fediverse handle "@stadt@social.example.org" is not read as an address.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}._%+@-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,63}(?![\p{L}\p{N}-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
