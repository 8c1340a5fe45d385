namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// The nature of the alert message (<c>&lt;msgType&gt;</c>, CAP 1.2 §3.2.1). Every type but
/// <see cref="Alert"/> refers to earlier messages through <see cref="CapAlert.References"/>.
/// </summary>
internal enum CapMessageType
{
    /// <summary>Initial information requiring attention by targeted recipients.</summary>
    Alert,

    /// <summary>Updates and supersedes the earlier message(s) identified in <c>references</c>.</summary>
    Update,

    /// <summary>Cancels the earlier message(s) identified in <c>references</c>.</summary>
    Cancel,

    /// <summary>Acknowledges receipt and acceptance of the message(s) identified in <c>references</c>.</summary>
    Ack,

    /// <summary>Indicates rejection of the message(s) identified in <c>references</c>; the explanation should appear in <c>note</c>.</summary>
    Error,
}
