namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A CAP element as read from XML (<see cref="XmlCapNode"/>) or from the BBK JSON form
/// (<see cref="JsonCapNode"/>), so that both map to the model through one
/// <see cref="CapAlertMapper"/>: the same checks, and the same paths in problems.
/// </summary>
internal abstract class CapNode
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly List<CapProblem> _problems;

    protected CapNode(string path, List<CapProblem> problems)
    {
        Path = path;
        _problems = problems;
    }

    /// <summary>Where this element is, e.g. <c>alert/info[1]/area[2]</c>.</summary>
    public string Path { get; }

    /// <summary>The element's text, or <see langword="null"/> (and a problem) if it is not a simple value.</summary>
    public abstract string? Text { get; }

    /// <summary>The child element named <paramref name="name"/>, or <see langword="null"/>; a repeated one is a problem, CAP allows it once.</summary>
    public CapNode? One(string name)
    {
        _asked.Add(name);
        var path = ChildPath(name);
        var children = Children(name, _ => path);
        if (children.Count > 1)
        {
            Report(path, $"appears {children.Count} times; CAP 1.2 allows it once");
        }

        return children.Count == 0 ? null : children[0];
    }

    /// <summary>The child elements named <paramref name="name"/>, in document order.</summary>
    public IReadOnlyList<CapNode> Many(string name)
    {
        _asked.Add(name);
        return Children(name, index => $"{Path}/{name}[{index + 1}]");
    }

    /// <summary>The path of a single child, for problems about a missing one.</summary>
    public string ChildPath(string name) => $"{Path}/{name}";

    /// <summary>Records a problem.</summary>
    public void Report(string path, string message) => _problems.Add(new CapProblem(path, message));

    /// <summary>After mapping: reports children that were never asked for, where the format treats them as errors.</summary>
    public void CheckNoOtherChildren() => ReportOtherChildren(_asked);

    /// <summary>The children named <paramref name="name"/>, each with the path <paramref name="path"/> gives for its position.</summary>
    protected abstract IReadOnlyList<CapNode> Children(string name, Func<int, string> path);

    /// <summary>Reports children whose names are not in <paramref name="known"/>.</summary>
    protected abstract void ReportOtherChildren(IReadOnlySet<string> known);

    /// <summary>The shared problem list, for child nodes.</summary>
    protected List<CapProblem> Problems => _problems;
}
