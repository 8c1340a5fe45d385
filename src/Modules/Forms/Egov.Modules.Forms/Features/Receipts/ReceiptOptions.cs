using Egov.Typesetting;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>Settings of receipts (configuration section <c>Egov:Receipts</c>).</summary>
internal sealed class ReceiptOptions
{
    public const string SectionName = "Egov:Receipts";

    /// <summary>The issuing authority printed at the top of every receipt.</summary>
    public AuthoritySettings Authority { get; set; } = new();

    /// <summary>Verifications allowed per client IP address and minute (anonymous endpoint; default 30).</summary>
    public int VerificationsPerMinute { get; set; } = 30;

    /// <summary>
    /// Receipts rendered at once in this host instance after their submissions committed (each one
    /// core while it renders, 3–10 ms per receipt); 0 (the default) means the processor count. One
    /// renderer always works; renderer k joins only while more than k batches of 16 wait (a burst).
    /// </summary>
    public int RenderWorkers { get; set; }

    /// <summary>How often to look for receipts still without PDF (default 30 seconds); at start it looks at once.</summary>
    public TimeSpan RenderSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The issuing authority: name, postal address lines, contact lines (phone, e-mail, web).</summary>
    internal sealed class AuthoritySettings
    {
        public string Name { get; set; } = "Stadt Musterstadt – Bürgerservice";

        /// <summary>Postal address lines; the example address when none are configured (configured lines replace it, never add to it).</summary>
        public List<string> AddressLines { get; set; } = [];

        /// <summary>Contact lines; the example contact when none are configured.</summary>
        public List<string> ContactLines { get; set; } = [];

        public ReceiptAuthority ToAuthority() => new(
            Name,
            AddressLines.Count > 0 ? AddressLines : ["Rathausplatz 1", "12345 Musterstadt"],
            ContactLines.Count > 0 ? ContactLines : ["Telefon 0123 456-0", "buergerservice@musterstadt.example"]);
    }
}
