namespace Egov.Modules.Handoff.Domain;

/// <summary>How a target takes its events.</summary>
internal enum HandoffTargetKind
{
    /// <summary>Egov POSTs each event to the target's URL, signed, and retries until it is accepted.</summary>
    Push,

    /// <summary>The specialist system reads its feed with a service account and acknowledges.</summary>
    Pull,
}
