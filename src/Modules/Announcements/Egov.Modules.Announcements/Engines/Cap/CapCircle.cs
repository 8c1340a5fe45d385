namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A circle (<c>&lt;circle&gt;</c>, CAP 1.2 §3.2.4): a central point and a radius in kilometres,
/// written as <c>latitude,longitude radius</c>.
/// </summary>
/// <param name="Center">The central point.</param>
/// <param name="RadiusKm">The radius in kilometres, zero or more (zero marks a point, as USGS does).</param>
internal sealed record CapCircle(CapPoint Center, decimal RadiusKm)
{
    /// <summary>CAP's text form, e.g. <c>12.747,-88.783 0.0</c>.</summary>
    public override string ToString() => CapText.FormatCircle(this);
}
