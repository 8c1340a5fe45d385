using System.Xml.Linq;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A CAP element of an XML document. Children must be in the root's CAP namespace; anything
/// else, and text outside elements, is reported as the XSD would refuse it.
/// </summary>
internal sealed class XmlCapNode(XElement element, string path, List<CapProblem> problems) : CapNode(path, problems)
{
    /// <inheritdoc />
    public override string? Text
    {
        get
        {
            var child = element.Elements().FirstOrDefault();
            if (child is not null)
            {
                Report(Path, $"must contain text only, but contains the element <{child.Name.LocalName}>");
                return null;
            }

            return element.Value;
        }
    }

    /// <inheritdoc />
    protected override IReadOnlyList<CapNode> Children(string name, Func<int, string> path) =>
        [.. element.Elements(element.Name.Namespace + name).Select((child, index) => new XmlCapNode(child, path(index), Problems))];

    /// <inheritdoc />
    protected override void ReportOtherChildren(IReadOnlySet<string> known)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name.Namespace != element.Name.Namespace)
            {
                Report($"{Path}/{child.Name.LocalName}", $"is in the namespace '{child.Name.NamespaceName}', which CAP 1.2 does not allow here");
            }
            else if (!known.Contains(child.Name.LocalName))
            {
                Report($"{Path}/{child.Name.LocalName}", $"is not a CAP 1.2 element of <{element.Name.LocalName}>");
            }
        }

        if (element.Nodes().OfType<XText>().Any(text => !string.IsNullOrWhiteSpace(text.Value)))
        {
            Report(Path, "contains text outside its child elements");
        }
    }
}
