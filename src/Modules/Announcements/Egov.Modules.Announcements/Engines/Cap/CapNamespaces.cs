using System.Xml.Linq;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>XML namespaces that CAP documents use or that the reader must recognise.</summary>
internal static class CapNamespaces
{
    /// <summary>CAP 1.2 (CAP 1.2, "Declared XML Namespace").</summary>
    public static readonly XNamespace Cap12 = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>CAP 1.1: read into the 1.2 model where compatible.</summary>
    public static readonly XNamespace Cap11 = "urn:oasis:names:tc:emergency:cap:1.1";

    /// <summary>W3C XML Signature: the one foreign element CAP 1.2 allows, at the end of <c>alert</c> (§3.3.4.1).</summary>
    public static readonly XNamespace XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>W3C XInclude 1.0: never processed; a document using it is refused.</summary>
    public static readonly XNamespace XInclude = "http://www.w3.org/2001/XInclude";
}
