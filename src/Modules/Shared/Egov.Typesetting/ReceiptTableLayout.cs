namespace Egov.Typesetting;

/// <summary>
/// A <see cref="ReceiptTable"/> laid out on the page flow: column widths as in HTML's automatic table
/// layout, a caption, the header row (repeated as an artifact on every page the table continues on),
/// then the rows, split across pages when needed. Tagged as Table with TH header cells and TD cells.
/// </summary>
internal sealed class ReceiptTableLayout
{
    private readonly ReceiptPageFlow _flow;
    private readonly List<ReceiptLine> _caption;
    private readonly List<ReceiptCell> _header;
    private readonly List<List<ReceiptCell>> _rows;

    /// <summary>Measures and wraps the table for the content width.</summary>
    public ReceiptTableLayout(ReceiptPageFlow flow, ReceiptTable table)
    {
        _flow = flow;
        var count = Math.Max(1, table.Columns.Count);
        var widths = ColumnWidths(table, count);
        var lefts = new double[count];
        lefts[0] = ReceiptPageFlow.Left;
        for (var c = 1; c < count; c++)
        {
            lefts[c] = lefts[c - 1] + widths[c - 1] + ReceiptLayout.ColumnGap;
        }

        List<ReceiptCell> Cells(IReadOnlyList<string> texts, ReceiptTag tag, ReceiptTextStyle style) =>
            [.. Enumerable.Range(0, count).Select(c => new ReceiptCell(tag, flow.Lines(c < texts.Count ? texts[c] : "", style, lefts[c], widths[c])))];

        _header = Cells(table.Columns, ReceiptTag.TH, ReceiptTextStyle.Of.TableHeader);
        _rows = [.. table.Rows.Select(r => Cells(r, ReceiptTag.TD, ReceiptTextStyle.Of.TableCell))];
        _caption = table.Caption is null ? [] : flow.Lines(table.Caption.Text, ReceiptTextStyle.Of.Label, ReceiptPageFlow.Left, ReceiptPageFlow.Width);
        Opening = _caption.Sum(l => l.Style.LineHeight) + _header.Max(c => c.Height)
            + (_rows.Count > 0 ? Math.Min(_rows[0].Max(c => c.Height), 60) : 0) + 12;
    }

    /// <summary>The height of caption, header and (the start of) the first row, which stay on one page.</summary>
    public double Opening { get; }

    /// <summary>Places the table at the flow's position.</summary>
    public void Place()
    {
        _flow.EnsureSpace(Opening);
        if (_caption.Count > 0)
        {
            _flow.Paragraph(ReceiptTag.P, _caption, 2);
        }

        _flow.Begin(ReceiptTag.Table);
        HeaderRow(artifact: false);
        foreach (var row in _rows)
        {
            var bottom = _flow.Row(row, () => HeaderRow(artifact: true));
            _flow.Rule(bottom + (ReceiptLayout.RowGap / 2), 0.25);
            _flow.Y = bottom + ReceiptLayout.RowGap;
        }

        _flow.End();
        _flow.Y += 6;
    }

    private void HeaderRow(bool artifact)
    {
        var bottom = _flow.Row(_header, artifact: artifact);
        _flow.Rule(bottom + 2, 0.6);
        _flow.Y = bottom + ReceiptLayout.RowGap;
    }

    /// <summary>
    /// Every column gets at least its longest word; the rest of the width goes to the columns whose text
    /// would otherwise wrap, in proportion to how much more they want. When even the longest words do not
    /// fit, the widths follow them proportionally (and long words break).
    /// </summary>
    private double[] ColumnWidths(ReceiptTable table, int count)
    {
        var available = ReceiptPageFlow.Width - ((count - 1) * ReceiptLayout.ColumnGap);
        var minimum = new double[count];
        var natural = new double[count];
        void Measure(int column, string text, ReceiptTextStyle style)
        {
            foreach (var line in _flow.Typesetter.Clean(text, style.Bold).Split('\n'))
            {
                natural[column] = Math.Max(natural[column], ReceiptTypesetter.Width(line, style));
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    minimum[column] = Math.Max(minimum[column], ReceiptTypesetter.Width(word, style));
                }
            }
        }

        for (var c = 0; c < count; c++)
        {
            Measure(c, c < table.Columns.Count ? table.Columns[c] : "", ReceiptTextStyle.Of.TableHeader);
            foreach (var row in table.Rows)
            {
                Measure(c, c < row.Count ? row[c] : "", ReceiptTextStyle.Of.TableCell);
            }

            minimum[c] = Math.Min(Math.Max(minimum[c], 24), available);
            natural[c] = Math.Max(natural[c], minimum[c]);
        }

        var minimumSum = minimum.Sum();
        if (minimumSum >= available)
        {
            return [.. minimum.Select(m => available * m / minimumSum)];
        }

        var wish = natural.Zip(minimum, (n, m) => n - m).ToArray();
        var wishSum = wish.Sum();
        var spare = available - minimumSum;
        var naturalSum = natural.Sum();
        return wishSum <= spare
            ? [.. natural.Select(n => n + ((available - naturalSum) * n / naturalSum))]
            : [.. minimum.Select((m, c) => m + (spare * wish[c] / wishSum))];
    }
}
