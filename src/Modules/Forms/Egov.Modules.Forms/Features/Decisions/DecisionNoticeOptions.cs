namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>Settings of decision notices (configuration section <c>Egov:DecisionNotices</c>).</summary>
internal sealed class DecisionNoticeOptions
{
    public const string SectionName = "Egov:DecisionNotices";

    /// <summary>
    /// The legal-remedy instruction (Rechtsbehelfsbelehrung) printed where a template writes
    /// <c>{{ legal_remedy }}</c>. Each city must set its own: the remedy (objection or action), the
    /// body and its address depend on the state and the matter, and a missing or wrong instruction
    /// extends the time limit to one year (§ 58 VwGO). The default is the example city's text.
    /// </summary>
    public string LegalRemedy { get; set; } =
        "Gegen diesen Bescheid können Sie innerhalb eines Monats nach seiner Bekanntgabe Klage beim " +
        "Verwaltungsgericht Musterstadt, Gerichtsstraße 1, 12345 Musterstadt, erheben. Die Klage ist schriftlich " +
        "oder zur Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle des Gerichts zu " +
        "erheben. Sie kann auch als elektronisches Dokument nach Maßgabe des § 55a der Verwaltungsgerichtsordnung " +
        "eingereicht werden.";
}
