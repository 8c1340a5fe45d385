namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A CAP 1.2 alert message (<c>&lt;alert&gt;</c>, OASIS Common Alerting Protocol 1.2, §3.2.1):
/// who sent what, when, for whom, with one <see cref="CapInfo"/> per language. Read one with
/// <see cref="CapXmlReader"/> or <see cref="BbkWarningReader"/>, check one built in code with
/// <see cref="CapValidator"/>, write one with <see cref="CapXmlWriter"/>.
/// </summary>
/// <remarks>
/// Equality is by value, lists included. Times are instants with the sender's offset;
/// <see cref="DateTimeOffset"/> equality compares instants only, so
/// <c>18:00+01:00</c> equals <c>17:00-00:00</c>. CAP carries whole seconds (§3.3.2): the writer
/// drops fractions.
/// </remarks>
internal sealed record CapAlert
{
    /// <summary>
    /// Unique identifier of this message, assigned by the sender (§3.2.1): no whitespace, commas,
    /// <c>&lt;</c> or <c>&amp;</c>.
    /// </summary>
    public required string Identifier { get; init; }

    /// <summary>Identifier of the originator, globally unique (e.g. an internet domain), same character rules as <see cref="Identifier"/> (§3.2.1).</summary>
    public required string Sender { get; init; }

    /// <summary>Time and date of the origination of the message (§3.2.1), with the sender's offset.</summary>
    public required DateTimeOffset Sent { get; init; }

    /// <summary>Appropriate handling of the message (§3.2.1).</summary>
    public required CapStatus Status { get; init; }

    /// <summary>Nature of the message (<c>msgType</c>, §3.2.1).</summary>
    public required CapMessageType MessageType { get; init; }

    /// <summary>The particular source of this message, e.g. an operator or a specific device (§3.2.1).</summary>
    public string? Source { get; init; }

    /// <summary>Intended distribution (§3.2.1).</summary>
    public required CapScope Scope { get; init; }

    /// <summary>The rule limiting distribution; required when <see cref="Scope"/> is <see cref="CapScope.Restricted"/> (§3.2.1).</summary>
    public string? Restriction { get; init; }

    /// <summary>
    /// The intended recipients; at least one when <see cref="Scope"/> is
    /// <see cref="CapScope.Private"/> (§3.2.1). Written space-separated, an address with
    /// whitespace in double quotes.
    /// </summary>
    public ValueList<string> Addresses { get; init; } = [];

    /// <summary>Codes denoting special handling, e.g. profile identifiers such as <c>DVN:20</c> (<c>code</c>, §3.2.1).</summary>
    public ValueList<string> Codes { get; init; } = [];

    /// <summary>Explanation of status or type, mainly for <see cref="CapStatus.Exercise"/> and <see cref="CapMessageType.Error"/> (§3.2.1).</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Earlier messages this one refers to; at least one for <see cref="CapMessageType.Update"/>,
    /// <see cref="CapMessageType.Cancel"/>, <see cref="CapMessageType.Ack"/> and
    /// <see cref="CapMessageType.Error"/> (§3.2.1 msgType and references).
    /// </summary>
    public ValueList<CapReference> References { get; init; } = [];

    /// <summary>Names of incidents this message relates to; written like <see cref="Addresses"/> (§3.2.1).</summary>
    public ValueList<string> Incidents { get; init; } = [];

    /// <summary>The event information, typically one per language (<c>info</c>, §3.2.2); may be empty for Ack and Error.</summary>
    public ValueList<CapInfo> Infos { get; init; } = [];
}
