namespace Egov.Modules.Forms.Contracts;

/// <summary>
/// The read region of the Forms module's public data (the form catalog and the published form
/// definitions, their pages): cached public reads made from it are invalidated by every committed
/// change of a form or form version (ADR 0015).
/// </summary>
public static class FormReadRegion
{
    /// <summary>The region name.</summary>
    public const string Name = "forms";
}
