namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// An affected area (<c>&lt;area&gt;</c>, CAP 1.2 §3.2.4): the union of its polygons, circles
/// and geocodes. Profiles may add meaning through geocodes: DWD's <c>EXCLUDE_POLYGON</c> geocode
/// carries a hole as polygon text; it is kept as a geocode, not subtracted.
/// </summary>
internal sealed record CapArea
{
    /// <summary>Text describing the area (<c>areaDesc</c>, §3.2.4); never empty.</summary>
    public required string Description { get; init; }

    /// <summary>Closed polygons, each at least four points (§3.2.4).</summary>
    public ValueList<CapPolygon> Polygons { get; init; } = [];

    /// <summary>Circles (§3.2.4).</summary>
    public ValueList<CapCircle> Circles { get; init; } = [];

    /// <summary>Geographic codes, e.g. <c>AGS</c>/<c>ARS</c> (German regional keys), <c>WARNCELLID</c>, <c>SAME</c> (§3.2.4).</summary>
    public ValueList<CapNamedValue> Geocodes { get; init; } = [];

    /// <summary>Specific or minimum altitude, in feet above mean sea level (WGS 84 datum, §3.2.4).</summary>
    public decimal? Altitude { get; init; }

    /// <summary>Maximum altitude in feet above mean sea level; only together with <see cref="Altitude"/>, and not below it (§3.2.4).</summary>
    public decimal? Ceiling { get; init; }
}
