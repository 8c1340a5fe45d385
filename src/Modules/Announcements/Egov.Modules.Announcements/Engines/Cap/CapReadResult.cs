using System.Diagnostics.CodeAnalysis;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// The outcome of reading a CAP document: either the alert, or the reasons it was refused; never
/// both. An alert is accepted only if it passes <see cref="CapValidator"/>.
/// </summary>
internal sealed record CapReadResult
{
    private CapReadResult(CapAlert? alert, ValueList<CapProblem> problems, ValueList<string> notices)
    {
        Alert = alert;
        Problems = problems;
        Notices = notices;
    }

    /// <summary>The alert; <see langword="null"/> when refused.</summary>
    public CapAlert? Alert { get; }

    /// <summary>Why the document was refused, in document order; empty when accepted.</summary>
    public ValueList<CapProblem> Problems { get; }

    /// <summary>
    /// Facts worth logging that did not refuse it, e.g. that a CAP 1.1 document was read into the
    /// 1.2 model, or that an XML signature was present and not verified.
    /// </summary>
    public ValueList<string> Notices { get; }

    /// <summary>Whether the document was read and is a valid alert.</summary>
    [MemberNotNullWhen(true, nameof(Alert))]
    public bool IsAccepted => Alert is not null;

    /// <summary>An accepted alert.</summary>
    public static CapReadResult Accepted(CapAlert alert, IEnumerable<string> notices) =>
        new(alert, [], new ValueList<string>(notices));

    /// <summary>A refusal; <paramref name="problems"/> must not be empty.</summary>
    public static CapReadResult Refused(IEnumerable<CapProblem> problems, IEnumerable<string> notices)
    {
        var list = new ValueList<CapProblem>(problems);
        if (list.Count == 0)
        {
            throw new ArgumentException("A refusal needs at least one problem.", nameof(problems));
        }

        return new(null, list, new ValueList<string>(notices));
    }

    /// <summary>A refusal of the document as a whole.</summary>
    public static CapReadResult Refused(string message) => Refused([new CapProblem("document", message)], []);
}
