namespace Egov.Modules.Handoff.Domain;

/// <summary>How a target takes its events (stored by name, at most 8 characters).</summary>
internal enum HandoffTargetKind
{
    /// <summary>Egov POSTs each event to the target's URL, signed, and retries until it is accepted.</summary>
    Push,

    /// <summary>The specialist system reads its feed with a service account and acknowledges.</summary>
    Pull,

    /// <summary>Not a configured target: a member of staff exported the case as an xdomea message for the e-file (recorded, never worked off).</summary>
    Xdomea,
}
