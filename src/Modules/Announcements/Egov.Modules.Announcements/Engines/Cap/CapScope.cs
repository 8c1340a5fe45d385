namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>The code denoting the intended distribution of the alert message (<c>&lt;scope&gt;</c>, CAP 1.2 §3.2.1).</summary>
internal enum CapScope
{
    /// <summary>For general dissemination to unrestricted audiences.</summary>
    Public,

    /// <summary>For dissemination only to users with a known operational requirement; <see cref="CapAlert.Restriction"/> says which.</summary>
    Restricted,

    /// <summary>For dissemination only to the addresses in <see cref="CapAlert.Addresses"/>.</summary>
    Private,
}
