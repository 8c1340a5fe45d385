namespace Egov.Typesetting;

/// <summary>
/// The page geometry of a receipt and a cursor that fills A4 pages top to bottom with drawing steps
/// (<see cref="ReceiptPageOp"/>): paragraphs and table rows that continue on the next page when the
/// current one is full. Every text line is checked against the content box before it is placed, so
/// nothing is ever drawn outside the 20 mm margins.
/// </summary>
internal sealed class ReceiptPageFlow(ReceiptTypesetter typesetter)
{
    /// <summary>A4 width: 210 mm in points.</summary>
    public const double PageWidth = 210 / 25.4 * 72;

    /// <summary>A4 height: 297 mm in points.</summary>
    public const double PageHeight = 297 / 25.4 * 72;

    /// <summary>The margin on all four sides: 20 mm in points.</summary>
    public const double Margin = 20 / 25.4 * 72;

    /// <summary>Left edge of the content box.</summary>
    public const double Left = Margin;

    /// <summary>Right edge of the content box.</summary>
    public const double Right = PageWidth - Margin;

    /// <summary>Width of the content box (about 482 points).</summary>
    public const double Width = Right - Left;

    /// <summary>Height reserved at the bottom of the content box for the footer.</summary>
    public const double FooterHeight = 22;

    /// <summary>Bottom edge of the flowing content (the footer lies below it, inside the margin box).</summary>
    public const double Bottom = PageHeight - Margin - FooterHeight;

    /// <summary>Rows shorter than this move to the next page whole instead of being split.</summary>
    private const double KeepTogether = 150;

    private readonly List<List<ReceiptPageOp>> _pages = [];
    private List<ReceiptPageOp> _ops = [];

    /// <summary>The typesetter used for wrapping.</summary>
    public ReceiptTypesetter Typesetter { get; } = typesetter;

    /// <summary>The pages laid out so far.</summary>
    public IReadOnlyList<List<ReceiptPageOp>> Pages => _pages;

    /// <summary>The current vertical position, in points from the top.</summary>
    public double Y { get; set; }

    /// <summary>Space left on the current page.</summary>
    public double Remaining => Bottom - Y;

    /// <summary>Whether nothing has been placed on the current page yet.</summary>
    public bool AtTop => Y <= Margin + 0.01;

    /// <summary>Starts a new page.</summary>
    public void NewPage()
    {
        _ops = [];
        _pages.Add(_ops);
        Y = Margin;
    }

    /// <summary>Moves on to a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (height > Remaining && !AtTop)
        {
            NewPage();
        }
    }

    /// <summary>Adds a drawing step to the current page.</summary>
    public void Add(ReceiptPageOp op) => _ops.Add(op);

    /// <summary>Opens a structure element.</summary>
    public void Begin(ReceiptTag tag) => _ops.Add(new ReceiptBeginTagOp(tag));

    /// <summary>Closes the innermost structure element.</summary>
    public void End() => _ops.Add(new ReceiptEndTagOp());

    /// <summary>Lines of <paramref name="text"/> wrapped to <paramref name="width"/>, placed at <paramref name="x"/>.</summary>
    public List<ReceiptLine> Lines(string text, ReceiptTextStyle style, double x, double width, string? language = null) =>
        [.. Typesetter.Wrap(text, style, width).Select(l => new ReceiptLine(l.Text, style, x + l.Indent, language))];

    /// <summary>A paragraph (or heading) in its own structure element, continuing on the next page when needed.</summary>
    public void Paragraph(ReceiptTag tag, IReadOnlyList<ReceiptLine> lines, double spaceAfter)
    {
        Begin(tag);
        foreach (var line in lines)
        {
            EnsureSpace(line.Style.LineHeight);
            Place(line, Y);
            Y += line.Style.LineHeight;
        }

        End();
        Y += spaceAfter;
    }

    /// <summary>
    /// A table row of cells side by side. A row that fits goes on this page; a short one that does not
    /// moves to the next page whole; a tall one is split line by line, each page's part in its own row
    /// element. <paramref name="onNewPage"/> runs after every page break the row causes (to repeat a
    /// table header). Returns the row's bottom.
    /// </summary>
    public double Row(IReadOnlyList<ReceiptCell> cells, Action? onNewPage = null, bool artifact = false)
    {
        var height = cells.Max(c => c.Height);
        if (height > Remaining && height <= KeepTogether && !AtTop)
        {
            NewPage();
            onNewPage?.Invoke();
        }

        var taken = new int[cells.Count];
        while (true)
        {
            var partHeight = 0.0;
            if (!artifact)
            {
                Begin(ReceiptTag.TR);
            }

            for (var c = 0; c < cells.Count; c++)
            {
                if (!artifact)
                {
                    Begin(cells[c].Tag);
                }

                var y = Y;
                var lines = cells[c].Lines;
                while (taken[c] < lines.Count && y + lines[taken[c]].Style.LineHeight <= Bottom)
                {
                    Place(lines[taken[c]], y, artifact);
                    y += lines[taken[c]].Style.LineHeight;
                    taken[c]++;
                }

                partHeight = Math.Max(partHeight, y - Y);
                if (!artifact)
                {
                    End();
                }
            }

            if (!artifact)
            {
                End();
            }

            var wasAtTop = AtTop;
            Y += partHeight;
            if (Enumerable.Range(0, cells.Count).All(c => taken[c] == cells[c].Lines.Count))
            {
                return Y;
            }

            if (partHeight == 0 && wasAtTop)
            {
                throw new InvalidOperationException("A receipt line is taller than a whole page.");
            }

            NewPage();
            onNewPage?.Invoke();
        }
    }

    /// <summary>A thin horizontal rule across the content box at <paramref name="y"/>.</summary>
    public void Rule(double y, double thickness = 0.4) => _ops.Add(new ReceiptRuleOp(Left, Right, y, thickness));

    /// <summary>Places one line with its top at <paramref name="top"/>.</summary>
    public void Place(ReceiptLine line, double top, bool artifact = false) =>
        _ops.Add(new ReceiptTextOp(line.Text, line.Style, line.X, top + ReceiptTypesetter.Ascent(line.Style), line.Language, artifact));
}

/// <summary>A wrapped line ready to place: text, style, left edge and language (null: the document's).</summary>
internal sealed record ReceiptLine(string Text, ReceiptTextStyle Style, double X, string? Language);

/// <summary>A table cell: header or data, and its lines top to bottom.</summary>
internal sealed record ReceiptCell(ReceiptTag Tag, IReadOnlyList<ReceiptLine> Lines)
{
    /// <summary>The cell's height in points.</summary>
    public double Height => Lines.Sum(l => l.Style.LineHeight);
}
