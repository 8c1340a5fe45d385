namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// The issuing authority a receipt's letterhead (Eingangsbestätigung) names where
/// <c>Egov:Receipts:Authority</c> does not: the host sets it from the city's identity (<c>Egov:City</c>), so the
/// city is named in one place and no example address stands next to a real applicant's. Configure it
/// with <c>services.AddOptions&lt;ReceiptAuthorityDefaults&gt;()</c>; what is left empty keeps the module's
/// example authority (Stadt Musterstadt).
/// </summary>
public sealed class ReceiptAuthorityDefaults
{
    /// <summary>The authority's name, e.g. <c>Stadt Lüdenscheid</c>; used unless <c>Egov:Receipts:Authority:Name</c> is set. Null: not given.</summary>
    public string? Name { get; set; }

    /// <summary>Postal address lines, e.g. <c>Rathausplatz 2</c>, <c>58507 Lüdenscheid</c>; used unless <c>Egov:Receipts:Authority:AddressLines</c> has lines.</summary>
    public IReadOnlyList<string> AddressLines { get; set; } = [];

    /// <summary>Contact lines (telephone, e-mail, web); used unless <c>Egov:Receipts:Authority:ContactLines</c> has lines.</summary>
    public IReadOnlyList<string> ContactLines { get; set; } = [];
}
