namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>Whether a finding stops a post variant from being submitted and approved.</summary>
internal enum FindingSeverity
{
    /// <summary>The variant cannot be submitted or approved until the finding is resolved.</summary>
    Blocking,

    /// <summary>Shown to the editor and the approver; does not stop the variant.</summary>
    Warning,
}
