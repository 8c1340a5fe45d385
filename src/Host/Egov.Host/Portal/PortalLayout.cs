namespace Egov.Host.Portal;

/// <summary>Switches of the portal's layout (<c>Pages/Shared/_Layout.cshtml</c>), set by a page in its <c>ViewData</c>.</summary>
internal static class PortalLayout
{
    /// <summary>
    /// <c>true</c>: render without reading the database (no alert banner), for the error page of a
    /// server error, which must show even while the database is away.
    /// </summary>
    public const string WithoutDatabase = "Egov.Layout.WithoutDatabase";
}
