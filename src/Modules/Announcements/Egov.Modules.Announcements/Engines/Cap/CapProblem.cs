namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// Why an alert is refused: the element at fault and the rule it breaks.
/// </summary>
/// <param name="Path">
/// The element, as a path from the root with 1-based positions of repeated elements, e.g.
/// <c>alert/scope</c>, <c>alert/info[2]/area[1]/polygon[1]</c>; the same for XML and BBK JSON.
/// <c>document</c> when the input as a whole is refused (not XML, a DOCTYPE, too large).
/// </param>
/// <param name="Message">What is wrong, in English, citing the CAP 1.2 section where one applies.</param>
internal sealed record CapProblem(string Path, string Message)
{
    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
