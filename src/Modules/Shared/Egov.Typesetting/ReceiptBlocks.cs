namespace Egov.Typesetting;

/// <summary>A text with an optional subtitle in the second language (German receipts carry English subtitles).</summary>
/// <param name="Text">The text in the receipt's main language.</param>
/// <param name="Subtitle">The same in the subtitle language, printed smaller below; null for none.</param>
public sealed record ReceiptLabel(string Text, string? Subtitle = null);

/// <summary>A headed part of the receipt: a category or group of the form, the attachments, the fee.</summary>
/// <param name="Heading">The heading; null for a continuation of the previous section without a heading of its own.</param>
/// <param name="Level">1 for a top-level section (a form category), 2 for a group inside it, 3 below that.</param>
/// <param name="Blocks">Its fields and tables, in order.</param>
public sealed record ReceiptSection(ReceiptLabel? Heading, int Level, IReadOnlyList<ReceiptBlock> Blocks);

/// <summary>A field or a table of a section.</summary>
public abstract record ReceiptBlock;

/// <summary>One label/value row.</summary>
/// <param name="Label">The field's label.</param>
/// <param name="Value">The formatted value; <c>\n</c> separates lines (e.g. of an address).</param>
public sealed record ReceiptField(ReceiptLabel Label, string Value) : ReceiptBlock;

/// <summary>A table, e.g. a repeated group (the partners of a GbR) or the list of attachments.</summary>
/// <param name="Caption">The table's label, printed above it; null for none.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Cells row by row, each row as many as there are columns; <c>\n</c> separates lines.</param>
public sealed record ReceiptTable(ReceiptLabel? Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ReceiptBlock;

/// <summary>A paragraph of running text (a decision notice's body); <c>\n</c> breaks a line inside it.</summary>
/// <param name="Text">The text as printed.</param>
public sealed record ReceiptParagraph(string Text) : ReceiptBlock;
