using System.Globalization;

namespace Egov.Typesetting;

/// <summary>
/// Lays a <see cref="ReceiptDocument"/> out on A4 pages (20 mm margins) as drawing steps, and tags it
/// for accessibility on the way: the authority's letterhead, the title (H1), the introduction, the facts
/// and every section's fields as two-column tables (label as row header, value as data cell),
/// repeated groups and attachments as tables with column headers (repeated on every page they run
/// onto), paragraphs of running text (decision notices), the verification block with the QR code
/// kept on one page (when the document has one), and last a footer on every page
/// ("Seite x von y") once the page count is known.
/// </summary>
internal sealed class ReceiptLayout
{
    /// <summary>Space between columns, in points.</summary>
    public const double ColumnGap = 10;

    /// <summary>Space between table rows, in points (a hairline runs in its middle).</summary>
    public const double RowGap = 5;

    /// <summary>Width of the label column of field tables: a third of the content width.</summary>
    private const double LabelWidth = ReceiptPageFlow.Width * 0.34;

    /// <summary>Side of the QR code: 30 mm.</summary>
    private const double QrSize = 30 / 25.4 * 72;

    private readonly ReceiptPageFlow _flow;
    private readonly string? _subtitleLanguage;

    private ReceiptLayout(ReceiptTypesetter typesetter, string? subtitleLanguage)
    {
        _flow = new ReceiptPageFlow(typesetter);
        _subtitleLanguage = subtitleLanguage;
    }

    /// <summary>The drawing steps of every page of the receipt.</summary>
    public static IReadOnlyList<IReadOnlyList<ReceiptPageOp>> Lay(ReceiptDocument document, ReceiptTypesetter typesetter)
    {
        var layout = new ReceiptLayout(typesetter, document.SubtitleLanguage);
        layout.Document(document);
        layout.Footers(document.Footer);
        return layout._flow.Pages;
    }

    private void Document(ReceiptDocument document)
    {
        _flow.NewPage();
        Letterhead(document.Authority);
        Heading(document.Title, ReceiptTag.H1, ReceiptTextStyle.Of.Title, ReceiptTextStyle.Of.TitleSubtitle, spaceBefore: 0);
        Text(document.Introduction, ReceiptTextStyle.Of.Body, ReceiptTextStyle.Of.BodySubtitle);
        Fields(document.Facts);
        foreach (var section in document.Sections)
        {
            Section(section);
        }

        if (document.Verification is { } verification)
        {
            Verification(verification);
        }
    }

    private void Letterhead(ReceiptAuthority authority)
    {
        var half = ReceiptPageFlow.Width * 0.55;
        var left = _flow.Lines(authority.Name, ReceiptTextStyle.Of.Authority, ReceiptPageFlow.Left, half - ColumnGap)
            .Concat(_flow.Lines(string.Join('\n', authority.AddressLines), ReceiptTextStyle.Of.AuthorityLine, ReceiptPageFlow.Left, half - ColumnGap))
            .ToList();
        var right = _flow.Lines(string.Join('\n', authority.ContactLines), ReceiptTextStyle.Of.AuthorityLine, ReceiptPageFlow.Left + half, ReceiptPageFlow.Width - half);
        var top = _flow.Y;
        var page = _flow.Pages.Count;
        _flow.Paragraph(ReceiptTag.P, left, 0);
        var leftBottom = _flow.Y;
        if (right.Count > 0)
        {
            // The contact column sits beside the address.
            _flow.Y = _flow.Pages.Count == page ? top : _flow.Y;
            _flow.Paragraph(ReceiptTag.P, right, 0);
        }

        _flow.Y = Math.Max(leftBottom, _flow.Y) + 8;
        _flow.Rule(_flow.Y, 0.8);
        _flow.Y += 16;
    }

    private void Heading(ReceiptLabel label, ReceiptTag tag, ReceiptTextStyle style, ReceiptTextStyle subtitleStyle, double spaceBefore, double keepWith = 0)
    {
        var lines = _flow.Lines(label.Text, style, ReceiptPageFlow.Left, ReceiptPageFlow.Width);
        if (label.Subtitle is { } subtitle)
        {
            lines.AddRange(_flow.Lines(subtitle, subtitleStyle, ReceiptPageFlow.Left, ReceiptPageFlow.Width, _subtitleLanguage));
        }

        // Keep a heading with at least three lines of what follows (and with a subheading that follows directly).
        var height = lines.Sum(l => l.Style.LineHeight);
        if (!_flow.AtTop)
        {
            _flow.Y += spaceBefore;
        }

        _flow.EnsureSpace(height + Math.Max(keepWith, 3 * ReceiptTextStyle.Of.Body.LineHeight));
        _flow.Paragraph(tag, lines, 4);
    }

    private void Text(ReceiptLabel text, ReceiptTextStyle style, ReceiptTextStyle subtitleStyle)
    {
        _flow.Paragraph(ReceiptTag.P, _flow.Lines(text.Text, style, ReceiptPageFlow.Left, ReceiptPageFlow.Width), text.Subtitle is null ? 10 : 3);
        if (text.Subtitle is { } subtitle)
        {
            _flow.Paragraph(ReceiptTag.P, _flow.Lines(subtitle, subtitleStyle, ReceiptPageFlow.Left, ReceiptPageFlow.Width, _subtitleLanguage), 10);
        }
    }

    private void Section(ReceiptSection section)
    {
        if (section.Heading is { } heading)
        {
            var (tag, style, space) = section.Level switch
            {
                1 => (ReceiptTag.H2, ReceiptTextStyle.Of.Heading1, 14.0),
                2 => (ReceiptTag.H3, ReceiptTextStyle.Of.Heading2, 8.0),
                _ => (ReceiptTag.H4, ReceiptTextStyle.Of.Heading3, 6.0),
            };
            // A heading stays with a subheading that follows directly, or with the opening of a table.
            var keepWith = section.Blocks.Count == 0 ? 36
                : section.Blocks[0] is ReceiptTable first ? new ReceiptTableLayout(_flow, first).Opening : 0;
            Heading(heading, tag, style, ReceiptTextStyle.Of.HeadingSubtitle, space, keepWith);
        }

        var fields = new List<ReceiptField>();
        foreach (var block in section.Blocks)
        {
            if (block is ReceiptField field)
            {
                fields.Add(field);
                continue;
            }

            Fields(fields);
            fields.Clear();
            if (block is ReceiptParagraph paragraph)
            {
                _flow.Paragraph(ReceiptTag.P, _flow.Lines(paragraph.Text, ReceiptTextStyle.Of.Body, ReceiptPageFlow.Left, ReceiptPageFlow.Width), 8);
                continue;
            }

            new ReceiptTableLayout(_flow, (ReceiptTable)block).Place();
        }

        Fields(fields);
    }

    /// <summary>Label/value rows as a two-column table: the label is the row's header cell.</summary>
    private void Fields(IReadOnlyList<ReceiptField> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var valueX = ReceiptPageFlow.Left + LabelWidth + ColumnGap;
        var valueWidth = ReceiptPageFlow.Right - valueX;
        _flow.Begin(ReceiptTag.Table);
        foreach (var field in fields)
        {
            var label = _flow.Lines(field.Label.Text, ReceiptTextStyle.Of.Label, ReceiptPageFlow.Left, LabelWidth);
            if (field.Label.Subtitle is { } subtitle)
            {
                label.AddRange(_flow.Lines(subtitle, ReceiptTextStyle.Of.LabelSubtitle, ReceiptPageFlow.Left, LabelWidth, _subtitleLanguage));
            }

            var value = _flow.Lines(field.Value, ReceiptTextStyle.Of.Value, valueX, valueWidth);
            var bottom = _flow.Row([new ReceiptCell(ReceiptTag.RowHeader, label), new ReceiptCell(ReceiptTag.TD, value)]);
            _flow.Rule(bottom + RowGap / 2, 0.25);
            _flow.Y = bottom + RowGap;
        }

        _flow.End();
        _flow.Y += 4;
    }

    private void Verification(ReceiptVerification verification)
    {
        var textX = ReceiptPageFlow.Left + QrSize + 14;
        var textWidth = ReceiptPageFlow.Right - textX;
        var blocks = new List<List<ReceiptLine>>
        {
            Labelled(verification.FingerprintLabel, textX, textWidth),
            _flow.Lines(verification.Fingerprint, ReceiptTextStyle.Of.Fingerprint, textX, textWidth),
            Labelled(verification.UrlLabel, textX, textWidth),
            _flow.Lines(verification.Url, ReceiptTextStyle.Of.Body, textX, textWidth),
        };
        var explanation = _flow.Lines(verification.Explanation.Text, ReceiptTextStyle.Of.Body, ReceiptPageFlow.Left, ReceiptPageFlow.Width);
        var explanationSubtitle = verification.Explanation.Subtitle is { } s
            ? _flow.Lines(s, ReceiptTextStyle.Of.BodySubtitle, ReceiptPageFlow.Left, ReceiptPageFlow.Width, _subtitleLanguage)
            : [];
        var textHeight = blocks.Sum(b => b.Sum(l => l.Style.LineHeight) + 3);
        var headingHeight = _flow.Lines(verification.Heading.Text, ReceiptTextStyle.Of.Heading1, ReceiptPageFlow.Left, ReceiptPageFlow.Width).Count * ReceiptTextStyle.Of.Heading1.LineHeight
            + (verification.Heading.Subtitle is null ? 0 : ReceiptTextStyle.Of.HeadingSubtitle.LineHeight) + 4;
        var height = 14 + headingHeight + explanation.Concat(explanationSubtitle).Sum(l => l.Style.LineHeight) + 11 + Math.Max(QrSize, textHeight);
        if (height <= ReceiptPageFlow.Bottom - ReceiptPageFlow.Margin)
        {
            // The block (heading, explanation, QR code, fingerprint) stays on one page.
            _flow.Y += 14;
            _flow.EnsureSpace(height);
        }

        Heading(verification.Heading, ReceiptTag.H2, ReceiptTextStyle.Of.Heading1, ReceiptTextStyle.Of.HeadingSubtitle, 0);
        _flow.Paragraph(ReceiptTag.P, explanation, explanationSubtitle.Count > 0 ? 3 : 8);
        if (explanationSubtitle.Count > 0)
        {
            _flow.Paragraph(ReceiptTag.P, explanationSubtitle, 8);
        }

        _flow.EnsureSpace(QrSize);
        var top = _flow.Y;
        var page = _flow.Pages.Count;
        _flow.Add(new ReceiptQrOp(ReceiptPageFlow.Left, top, QrSize, verification.QrAltText));
        foreach (var block in blocks)
        {
            _flow.Paragraph(ReceiptTag.P, block, 3);
        }

        if (_flow.Pages.Count == page)
        {
            _flow.Y = Math.Max(_flow.Y, top + QrSize);
        }
    }

    private List<ReceiptLine> Labelled(ReceiptLabel label, double x, double width)
    {
        var lines = _flow.Lines(label.Text, ReceiptTextStyle.Of.Label, x, width);
        if (label.Subtitle is { } subtitle)
        {
            lines.AddRange(_flow.Lines(subtitle, ReceiptTextStyle.Of.LabelSubtitle, x, width, _subtitleLanguage));
        }

        return lines;
    }

    /// <summary>On every page: a rule, the left text and "Seite x von y" at the right, all as artifacts inside the margins.</summary>
    private void Footers(ReceiptFooter footer)
    {
        var style = ReceiptTextStyle.Of.Footer;
        var baseline = ReceiptPageFlow.PageHeight - ReceiptPageFlow.Margin - 3;
        var total = _flow.Pages.Count;
        for (var page = 0; page < total; page++)
        {
            var counter = _flow.Typesetter.Clean(
                string.Format(CultureInfo.InvariantCulture, footer.PageFormat, page + 1, total), style.Bold);
            var counterWidth = ReceiptTypesetter.Width(counter, style);
            var left = _flow.Typesetter.Wrap(footer.Left, style, ReceiptPageFlow.Width - counterWidth - ColumnGap);
            var ops = _flow.Pages[page];
            ops.Add(new ReceiptRuleOp(ReceiptPageFlow.Left, ReceiptPageFlow.Right, baseline - style.Size - 4, 0.4));
            if (left.Count > 0)
            {
                ops.Add(new ReceiptTextOp(left[0].Text, style, ReceiptPageFlow.Left, baseline, Artifact: true));
            }

            ops.Add(new ReceiptTextOp(counter, style, ReceiptPageFlow.Right - counterWidth, baseline, Artifact: true));
        }
    }
}
