using System.Globalization;

namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>
/// Runs the guideline checks on one channel's variant of a post, on the exact text that channel will be
/// sent (<see cref="OutboundText.Compose"/>). Stateless after construction and safe to share.
/// </summary>
/// <remarks>
/// The checks, in the order their findings are listed:
/// <list type="bullet">
/// <item>Length in the channel's unit over <see cref="ChannelCapabilities.MaxLength"/> (Telegram with media:
/// <see cref="ChannelCapabilities.MaxLengthWithMedia"/>, the text goes as caption) blocks, a soft limit warns;
/// over <see cref="ChannelCapabilities.MaxBytes"/> blocks. Near the limit is no finding: the result carries
/// count and limit for a counter.</item>
/// <item>A blank text without media blocks.</item>
/// <item>More hashtags than <see cref="ChannelCapabilities.MaxHashtags"/> blocks (<see cref="Hashtags.Count"/>).</item>
/// <item>Fewer media than <see cref="ChannelCapabilities.MinMedia"/> blocks; more media than <see cref="ChannelCapabilities.MaxMedia"/> blocks; an image of a type the platform does not
/// take (<see cref="ChannelCapabilities.ImageTypes"/>) or larger than <see cref="ChannelCapabilities.MaxImageBytes"/>
/// blocks, naming the file and the limit; an image without alt text blocks where the channel carries alt text,
/// naming the file.</item>
/// <item>A content warning on a channel other than Mastodon warns: it would not be sent.</item>
/// <item>In a public post, personal data (<see cref="PersonalDataScanner"/>) in the text, the content warning
/// or an alt text blocks, one finding per item, naming it and its position.</item>
/// <item>A banned term in the text, the content warning or an alt text blocks, naming the term.</item>
/// <item>Where the imprint link is required, a text without <see cref="CheckPolicy.ImprintUrl"/> blocks (and so
/// does a missing configuration, rather than passing unchecked).</item>
/// </list>
/// </remarks>
internal sealed class PostChecker
{
    private readonly CheckPolicy _policy;
    private readonly PersonalDataScanner _personalData;
    private readonly TermMatcher _bannedTerms;

    public PostChecker(CheckPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _personalData = new PersonalDataScanner(policy);
        _bannedTerms = new TermMatcher(policy.BannedTerms);
    }

    /// <exception cref="ArgumentOutOfRangeException">The capabilities name an unknown <see cref="LengthUnit"/>.</exception>
    public ChannelCheckResult Check(PostCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = request.Capabilities;
        var exactText = OutboundText.Compose(request.Text, request.Link, request.Hashtags);
        var carriesContentWarning = capabilities.CarriesContentWarning;
        var contentWarning = string.IsNullOrWhiteSpace(request.ContentWarning) ? null : request.ContentWarning;
        var findings = new List<CheckFinding>();

        var count = capabilities.LengthUnit switch
        {
            LengthUnit.MastodonCharacters => TextLength.Mastodon(exactText, carriesContentWarning ? contentWarning : null, capabilities.CharactersReservedPerUrl),
            LengthUnit.GraphemeClusters => TextLength.GraphemeClusters(exactText),
            LengthUnit.TelegramCharacters => TextLength.Telegram(exactText),
            LengthUnit.Utf16CodeUnits => TextLength.Utf16(exactText),
            LengthUnit.ThreadsCharacters => TextLength.Threads(exactText),
            LengthUnit.LinkedInCharacters => TextLength.LinkedIn(exactText),
            _ => throw new ArgumentOutOfRangeException(nameof(request), capabilities.LengthUnit, "Unknown length unit."),
        };
        var asCaption = request.Media.Count > 0 && capabilities.MaxLengthWithMedia is not null;
        var limit = asCaption ? capabilities.MaxLengthWithMedia!.Value : capabilities.MaxLength;
        if (count > limit)
        {
            var soft = capabilities.MaxLengthIsSoft;
            findings.Add(new CheckFinding(
                FindingCodes.Length,
                soft ? FindingSeverity.Warning : FindingSeverity.Blocking,
                $"The text counts {count} {UnitName(capabilities.LengthUnit)}; {request.ChannelKind} {(asCaption ? "takes a caption of" : "takes")} at most {limit}"
                    + (soft ? " and cuts the rest on display." : "."),
                Match: null,
                Index: null));
        }

        int? bytes = capabilities.MaxBytes is null ? null : TextLength.Utf8Bytes(exactText);
        if (bytes > capabilities.MaxBytes)
        {
            findings.Add(Blocking(FindingCodes.LengthBytes, $"The text takes {bytes} bytes in UTF-8; {request.ChannelKind} takes at most {capabilities.MaxBytes}."));
        }

        if (string.IsNullOrWhiteSpace(exactText) && request.Media.Count == 0)
        {
            findings.Add(Blocking(FindingCodes.Empty, "Nothing would be sent: the text is empty and there is no media."));
        }

        if (capabilities.MaxHashtags is { } maxHashtags && Hashtags.Count(exactText) is var hashtags && hashtags > maxHashtags)
        {
            findings.Add(Blocking(FindingCodes.HashtagCount, $"The text carries {hashtags} hashtags; {request.ChannelKind} takes at most {maxHashtags}."));
        }

        findings.AddRange(MediaFindings(request));
        if (contentWarning is not null && !carriesContentWarning)
        {
            findings.Add(new CheckFinding(
                FindingCodes.ContentWarningUnsupported,
                FindingSeverity.Warning,
                $"{request.ChannelKind} has no content warning; \"{contentWarning}\" will not be sent.",
                contentWarning,
                Index: null) { Field = FindingFields.ContentWarning });
        }

        var fields = PublishedFields(exactText, carriesContentWarning ? contentWarning : null, request);
        if (request.IsPublic)
        {
            findings.AddRange(fields.SelectMany(field => _personalData.Scan(field.Text).Select(item => PersonalDataFinding(item, field.Field, field.Where))));
        }

        findings.AddRange(fields.SelectMany(field => _bannedTerms.Find(field.Text).Select(term =>
            Blocking(FindingCodes.BannedTerm, $"Banned term \"{term.Term}\" found{field.Where} at character {term.Index + 1}: \"{term.Value}\".", term.Value, term.Index) with { Field = field.Field })));

        if (request.RequiresImprintLink)
        {
            findings.AddRange(ImprintFindings(exactText, request.ChannelKind));
        }

        return new ChannelCheckResult(
            request.ChannelKind,
            exactText,
            count,
            limit,
            capabilities.LengthUnit,
            bytes,
            capabilities.MaxBytes,
            [.. findings.OrderBy(finding => finding.Severity)])
        {
            Formatting = capabilities.Formatting,
        };
    }

    private static IEnumerable<CheckFinding> MediaFindings(PostCheckRequest request)
    {
        if (request.Media.Count < request.Capabilities.MinMedia)
        {
            yield return Blocking(FindingCodes.MediaRequired, $"{request.ChannelKind} posts need at least {request.Capabilities.MinMedia} image(s) (an image or a carousel); attach one with alt text.") with
            {
                Field = FindingFields.Media,
            };
        }

        if (request.Media.Count > request.Capabilities.MaxMedia)
        {
            yield return Blocking(FindingCodes.MediaCount, $"{request.Media.Count} media files attached; {request.ChannelKind} takes at most {request.Capabilities.MaxMedia}.");
        }

        var capabilities = request.Capabilities;
        foreach (var media in request.Media)
        {
            if (!capabilities.TakesImageType(media.ContentType))
            {
                yield return Blocking(FindingCodes.MediaType, $"The image \"{media.FileName}\" is {media.ContentType}; {request.ChannelKind} takes {string.Join(", ", capabilities.ImageTypes!)}.", media.FileName) with
                {
                    Field = FindingFields.Media,
                };
            }

            if (media.Length > capabilities.MaxImageBytes)
            {
                yield return Blocking(
                    FindingCodes.MediaSize,
                    string.Create(CultureInfo.InvariantCulture, $"The image \"{media.FileName}\" takes {media.Length:N0} bytes; {request.ChannelKind} takes at most {capabilities.MaxImageBytes:N0} bytes per image. Make it smaller (fewer pixels, or JPEG) and upload it again."),
                    media.FileName) with
                {
                    Field = FindingFields.Media,
                };
            }
        }

        if (capabilities.SupportsAltText)
        {
            foreach (var media in request.Media.Where(media => string.IsNullOrWhiteSpace(media.AltText)))
            {
                yield return Blocking(FindingCodes.AltTextMissing, $"The image \"{media.FileName}\" has no alt text; {request.ChannelKind} shows alt text to people who cannot see the image.", media.FileName) with
                {
                    Field = FindingFields.AltText,
                };
            }
        }
    }

    // What readers of the channel get to see: the text, Mastodon's content warning, alt texts where carried.
    private static List<(string Field, string Where, string Text)> PublishedFields(string exactText, string? contentWarning, PostCheckRequest request)
    {
        var fields = new List<(string Field, string Where, string Text)> { (FindingFields.Text, string.Empty, exactText) };
        if (contentWarning is not null)
        {
            fields.Add((FindingFields.ContentWarning, " in the content warning", contentWarning));
        }

        if (request.Capabilities.SupportsAltText)
        {
            fields.AddRange(request.Media
                .Where(media => !string.IsNullOrWhiteSpace(media.AltText))
                .Select(media => (FindingFields.AltText, $" in the alt text of \"{media.FileName}\"", media.AltText!)));
        }

        return fields;
    }

    private static CheckFinding PersonalDataFinding(PersonalDataItem item, string field, string where)
    {
        var (code, named) = item.Kind switch
        {
            PersonalDataKind.Email => (FindingCodes.PersonalDataEmail, $"E-mail address {item.Value}"),
            PersonalDataKind.Phone => (FindingCodes.PersonalDataPhone, $"Phone number {item.Value}"),
            PersonalDataKind.Iban => (FindingCodes.PersonalDataIban, $"IBAN {Iban.Shorten(item.Normalized)}"),
            PersonalDataKind.DenyListEntry => (FindingCodes.PersonalDataDenyList, $"Deny-listed personal data \"{item.Normalized}\""),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "Unknown kind of personal data."),
        };
        return Blocking(code, $"{named} found{where} at character {item.Index + 1}; a public post must not carry personal data.", item.Value, item.Index) with
        {
            Field = field,
        };
    }

    private IEnumerable<CheckFinding> ImprintFindings(string exactText, string channelKind)
    {
        var imprint = _policy.ImprintUrl?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(imprint))
        {
            yield return Blocking(FindingCodes.ImprintLinkMissing, $"{channelKind} requires the imprint link, but no imprint URL is configured ({CheckPolicy.SectionName}:ImprintUrl).");
        }
        else if (!exactText.Contains(imprint, StringComparison.OrdinalIgnoreCase))
        {
            yield return Blocking(FindingCodes.ImprintLinkMissing, $"{channelKind} requires the imprint link {_policy.ImprintUrl} in the text; it is missing.");
        }
    }

    private static CheckFinding Blocking(string code, string message, string? match = null, int? index = null) =>
        new(code, FindingSeverity.Blocking, message, match, index);

    private static string UnitName(LengthUnit unit) => unit switch
    {
        LengthUnit.MastodonCharacters => "characters as Mastodon counts them (URLs at the instance's fixed length, content warning included)",
        LengthUnit.GraphemeClusters => "characters (grapheme clusters)",
        LengthUnit.TelegramCharacters => "characters (Unicode code points)",
        LengthUnit.Utf16CodeUnits => "characters (UTF-16 code units)",
        LengthUnit.ThreadsCharacters => "characters as Threads counts them (each emoji by its UTF-8 bytes)",
        LengthUnit.LinkedInCharacters => "characters as LinkedIn counts them (UTF-16, reserved characters escaped)",
        _ => unit.ToString(),
    };
}
