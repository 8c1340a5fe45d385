namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// The event information of an alert in one language (<c>&lt;info&gt;</c>, CAP 1.2 §3.2.2).
/// Time rules checked by <see cref="CapValidator"/>: <see cref="Expires"/> is later than
/// <see cref="Onset"/>, <see cref="Effective"/> and the alert's <c>sent</c>, where given.
/// </summary>
internal sealed record CapInfo
{
    /// <summary>The language if <c>&lt;language&gt;</c> is absent (§3.2.2).</summary>
    public const string DefaultLanguage = "en-US";

    /// <summary>
    /// RFC 3066 language tag, e.g. <c>de-DE</c>, <c>de</c>, <c>en</c>, or <c>de-LS</c> (plain
    /// language, as the federal warning app sends it); <see cref="DefaultLanguage"/> when absent.
    /// </summary>
    public string Language { get; init; } = DefaultLanguage;

    /// <summary>Categories of the event; at least one (<c>category</c>, §3.2.2).</summary>
    public required ValueList<CapCategory> Categories { get; init; }

    /// <summary>Text denoting the type of the event, e.g. <c>Unwetter</c>; never empty (§3.2.2).</summary>
    public required string Event { get; init; }

    /// <summary>Recommended actions (<c>responseType</c>, §3.2.2).</summary>
    public ValueList<CapResponseType> ResponseTypes { get; init; } = [];

    /// <summary>Time available to prepare (§3.2.2).</summary>
    public required CapUrgency Urgency { get; init; }

    /// <summary>Intensity of impact (§3.2.2).</summary>
    public required CapSeverity Severity { get; init; }

    /// <summary>Confidence in the observation or prediction (§3.2.2).</summary>
    public required CapCertainty Certainty { get; init; }

    /// <summary>The intended audience (§3.2.2).</summary>
    public string? Audience { get; init; }

    /// <summary>System-specific codes for the event type (<c>eventCode</c>, §3.2.2).</summary>
    public ValueList<CapNamedValue> EventCodes { get; init; } = [];

    /// <summary>When the information becomes effective; if absent, when it was sent (§3.2.2).</summary>
    public DateTimeOffset? Effective { get; init; }

    /// <summary>Expected beginning of the event (§3.2.2). May lie before <c>sent</c>: an observed event is reported after it began.</summary>
    public DateTimeOffset? Onset { get; init; }

    /// <summary>Expiry of the information (§3.2.2).</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Human-readable name of the issuing agency (§3.2.2).</summary>
    public string? SenderName { get; init; }

    /// <summary>Brief human-readable headline, ideally under 160 characters (§3.2.2).</summary>
    public string? Headline { get; init; }

    /// <summary>Extended description of the event (§3.2.2). Text as the sender wrote it: BBK texts carry HTML fragments such as <c>&lt;br/&gt;</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Recommended action (§3.2.2); same text caveat as <see cref="Description"/>.</summary>
    public string? Instruction { get; init; }

    /// <summary>Absolute http(s) URI of a page with further information (§3.2.2).</summary>
    public string? Web { get; init; }

    /// <summary>Text describing the contact for follow-up (§3.2.2).</summary>
    public string? Contact { get; init; }

    /// <summary>System-specific additional parameters (<c>parameter</c>, §3.2.2).</summary>
    public ValueList<CapNamedValue> Parameters { get; init; } = [];

    /// <summary>Supplemental files such as images or audio (<c>resource</c>, §3.2.3).</summary>
    public ValueList<CapResource> Resources { get; init; } = [];

    /// <summary>The affected areas (<c>area</c>, §3.2.4).</summary>
    public ValueList<CapArea> Areas { get; init; } = [];
}
