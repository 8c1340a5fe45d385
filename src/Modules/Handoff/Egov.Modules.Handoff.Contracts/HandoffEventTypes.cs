namespace Egov.Modules.Handoff.Contracts;

/// <summary>
/// The CloudEvents 1.0 <c>type</c> values Egov hands to specialist systems (reverse-DNS prefix and a
/// version suffix, as the CloudEvents primer recommends). A receiver ignores types it does not know.
/// </summary>
public static class HandoffEventTypes
{
    /// <summary>A citizen submitted an application; <c>data</c> holds the case record.</summary>
    public const string ApplicationSubmitted = "de.egov.forms.application.submitted.v1";

    /// <summary>The status of a handed-off application changed (decision, withdrawal, …); <c>data</c> holds the case record.</summary>
    public const string ApplicationStatusChanged = "de.egov.forms.application.status-changed.v1";
}
