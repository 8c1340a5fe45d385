namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A WGS 84 coordinate pair (CAP 1.2 §3.3.1), in decimal degrees. Decimal rather than double: CAP
/// carries coordinates as text, and decimal writes back exactly what was read, never in exponent
/// notation.
/// </summary>
/// <param name="Latitude">Degrees north, -90 to 90.</param>
/// <param name="Longitude">Degrees east, -180 to 180.</param>
internal readonly record struct CapPoint(decimal Latitude, decimal Longitude)
{
    /// <summary>CAP's text form of a point, <c>latitude,longitude</c>.</summary>
    public override string ToString() => CapText.FormatPoint(this);
}
