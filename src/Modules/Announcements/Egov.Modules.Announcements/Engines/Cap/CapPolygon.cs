namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A closed polygon (<c>&lt;polygon&gt;</c>, CAP 1.2 §3.2.4): at least four points, the first
/// equal to the last. Written as space-separated <c>latitude,longitude</c> pairs.
/// </summary>
/// <param name="Points">The points in order, including the closing point.</param>
internal sealed record CapPolygon(ValueList<CapPoint> Points)
{
    /// <summary>CAP's text form, e.g. <c>49.0,12.0 49.0,13.0 50.0,13.0 49.0,12.0</c>.</summary>
    public override string ToString() => CapText.FormatPolygon(this);
}
