namespace Egov.SharedKernel.Reads;

/// <summary>
/// The regions the portal's page layout shows data from on every page (the alert banner shows
/// announcements): every cached page depends on them as well as on its own (ADR 0015).
/// </summary>
/// <param name="Regions">Region names, set by the host that owns the layout.</param>
public sealed record PublicPageLayout(IReadOnlyList<string> Regions);
