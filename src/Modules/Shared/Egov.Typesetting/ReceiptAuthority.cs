namespace Egov.Typesetting;

/// <summary>
/// The authority that issues receipts, printed at the top of every receipt and as its PDF author.
/// The host configures it (issue 5: configurable per installation).
/// </summary>
/// <param name="Name">E.g. <c>Stadt Lüdenscheid – Der Bürgermeister</c>.</param>
/// <param name="AddressLines">Postal address, one line each, e.g. <c>Rathausplatz 2</c>, <c>58507 Lüdenscheid</c>.</param>
/// <param name="ContactLines">Contact details, one line each, e.g. telephone, e-mail address, web site.</param>
public sealed record ReceiptAuthority(string Name, IReadOnlyList<string> AddressLines, IReadOnlyList<string> ContactLines);
