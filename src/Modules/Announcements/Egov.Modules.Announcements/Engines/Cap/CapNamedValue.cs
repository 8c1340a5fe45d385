namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A <c>valueName</c>/<c>value</c> pair (CAP 1.2 §3.2.2 <c>eventCode</c> and <c>parameter</c>,
/// §3.2.4 <c>geocode</c>). Examples: geocode <c>AGS</c>/<c>ARS</c> (German municipality and
/// regional keys), <c>WARNCELLID</c> (DWD warn cell), eventCode <c>profile:DE-BBK-EVENTCODE</c>.
/// </summary>
/// <param name="ValueName">The domain of the code; never empty.</param>
/// <param name="Value">The value; may be empty (NWS sends empty parameters).</param>
internal sealed record CapNamedValue(string ValueName, string Value);
