namespace Egov.Modules.Outreach.Contracts;

/// <summary>
/// The read region of the official-channel register (<c>/kanaele</c>, <c>/api/v1/official-channels</c>,
/// the privacy notice): cached public reads made from it are invalidated by every committed change
/// of a channel (ADR 0015).
/// </summary>
public static class OfficialChannelReadRegion
{
    /// <summary>The region name.</summary>
    public const string Name = "official-channels";
}
