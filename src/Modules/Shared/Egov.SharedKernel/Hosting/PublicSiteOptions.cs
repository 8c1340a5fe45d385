namespace Egov.SharedKernel.Hosting;

/// <summary>
/// Where people reach this Egov installation (configuration section <c>Egov</c>): links in
/// e-mails and the verification address printed on receipts are made from it, never from the
/// request's Host header (which a client controls).
/// </summary>
public sealed class PublicSiteOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Egov";

    /// <summary>
    /// Absolute base address with a trailing slash, e.g. <c>https://service.musterstadt.de/</c>
    /// (default <c>http://localhost:5080/</c>, the address of <c>dotnet run</c>).
    /// </summary>
    public Uri PublicBaseAddress { get; set; } = new("http://localhost:5080/");

    /// <summary>The absolute address of <paramref name="relative"/> (e.g. <c>applications/{id}</c>) under <see cref="PublicBaseAddress"/>.</summary>
    public Uri Link(string relative)
    {
        var root = PublicBaseAddress.AbsoluteUri.EndsWith('/') ? PublicBaseAddress : new Uri(PublicBaseAddress.AbsoluteUri + "/");
        return new Uri(root, relative.TrimStart('/'));
    }
}
