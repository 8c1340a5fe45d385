namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// The extended identifier of an earlier message (one entry of <c>&lt;references&gt;</c>, CAP 1.2
/// §3.2.1), written as <c>sender,identifier,sent</c>; entries are separated by whitespace.
/// </summary>
/// <param name="Sender">The earlier message's sender.</param>
/// <param name="Identifier">The earlier message's identifier.</param>
/// <param name="Sent">The earlier message's sent time, with its offset.</param>
internal sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent)
{
    /// <summary>CAP's text form, e.g. <c>DE-NW-MK,mow.DE-NW-MK-1,2026-09-01T14:57:23-00:00</c>.</summary>
    public override string ToString() => CapText.FormatReference(this);
}
