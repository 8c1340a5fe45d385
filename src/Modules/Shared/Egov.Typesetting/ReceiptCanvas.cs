using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Egov.Typesetting;

/// <summary>
/// Draws laid-out pages (<see cref="ReceiptPageOp"/>) with PDFsharp and builds the structure tree as
/// it goes: tags open and close in the order the layout gave them (elements may span pages), text of
/// another language sits in a <c>Span</c> with <c>/Lang</c>, rules and page furniture are artifacts.
/// One instance per document: fonts, brushes and the QR image belong to it. Text is drawn in
/// <paramref name="fontFamily"/> (the full or the Latin faces, which have the same metrics).
/// </summary>
internal sealed class ReceiptCanvas(StructureBuilder structure, byte[] qrPng, string fontFamily) : IDisposable
{
    private readonly Dictionary<ReceiptTextStyle, XFont> _fonts = [];
    private readonly Dictionary<XColor, XBrush> _brushes = [];
    private XImage? _qr;

    /// <summary>Draws one page's steps on its graphics.</summary>
    public void Draw(XGraphics graphics, IReadOnlyList<ReceiptPageOp> ops)
    {
        var inArtifact = false;
        foreach (var op in ops)
        {
            var artifact = op is ReceiptRuleOp || op is ReceiptTextOp { Artifact: true };
            if (artifact != inArtifact)
            {
                if (artifact)
                {
                    structure.BeginArtifact();
                }
                else
                {
                    structure.End();
                }

                inArtifact = artifact;
            }

            switch (op)
            {
                case ReceiptTextOp { Language: { } language, Artifact: false } text:
                    structure.BeginElement(PdfInlineLevelElementTag.Span);
                    structure.SetLanguage(language);
                    DrawText(graphics, text);
                    structure.End();
                    break;
                case ReceiptTextOp text:
                    DrawText(graphics, text);
                    break;
                case ReceiptRuleOp rule:
                    graphics.DrawLine(new XPen(XColors.Gray, rule.Thickness), rule.X1, rule.Y, rule.X2, rule.Y);
                    break;
                case ReceiptQrOp qr:
                    var box = new XRect(qr.X, qr.Y, qr.Size, qr.Size);
                    structure.BeginElement(PdfIllustrationElementTag.Figure, qr.AltText, box);
                    // Sharp module edges when scaled: scanners read crisp squares best.
                    _qr ??= XImage.FromStream(new MemoryStream(qrPng));
                    _qr.Interpolate = false;
                    graphics.DrawImage(_qr, box);
                    structure.End();
                    break;
                case ReceiptBeginTagOp begin:
                    Begin(begin.Tag);
                    break;
                case ReceiptEndTagOp:
                    structure.End();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown page step {op.GetType().Name}.");
            }
        }

        if (inArtifact)
        {
            structure.End();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _qr?.Dispose();

    private void Begin(ReceiptTag tag)
    {
        structure.BeginElement(tag switch
        {
            ReceiptTag.H1 => PdfBlockLevelElementTag.Heading1,
            ReceiptTag.H2 => PdfBlockLevelElementTag.Heading2,
            ReceiptTag.H3 => PdfBlockLevelElementTag.Heading3,
            ReceiptTag.H4 => PdfBlockLevelElementTag.Heading4,
            ReceiptTag.P => PdfBlockLevelElementTag.Paragraph,
            ReceiptTag.Table => PdfBlockLevelElementTag.Table,
            ReceiptTag.TR => PdfBlockLevelElementTag.TableRow,
            ReceiptTag.TH or ReceiptTag.RowHeader => PdfBlockLevelElementTag.TableHeaderCell,
            ReceiptTag.TD => PdfBlockLevelElementTag.TableDataCell,
            _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, "Unknown structure type."),
        });

        // PDF/UA-1 (ISO 14289-1, 7.5): header cells say what they head. PDFsharp has no key for it.
        if (tag is ReceiptTag.TH or ReceiptTag.RowHeader)
        {
            structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", tag == ReceiptTag.TH ? "/Column" : "/Row");
        }
    }

    private void DrawText(XGraphics graphics, ReceiptTextOp text)
    {
        if (text.Text.Length == 0)
        {
            return;
        }

        if (!_fonts.TryGetValue(text.Style, out var font))
        {
            font = new XFont(fontFamily, text.Style.Size, text.Style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
            _fonts[text.Style] = font;
        }

        if (!_brushes.TryGetValue(text.Style.Color, out var brush))
        {
            brush = new XSolidBrush(text.Style.Color);
            _brushes[text.Style.Color] = brush;
        }

        graphics.DrawString(text.Text, font, brush, text.X, text.Baseline, XStringFormats.BaseLineLeft);
    }
}
