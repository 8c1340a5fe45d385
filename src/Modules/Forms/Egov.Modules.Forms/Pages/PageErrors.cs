using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Web;

namespace Egov.Modules.Forms.Pages;

/// <summary>One error of a posted form: the input it belongs to (its id), the input's label and the message.</summary>
internal sealed record PageError(string InputId, string Label, string Message);

/// <summary>
/// The errors a posted form got back from the module, for the error summary at the top of the page
/// (links to the inputs) and the messages next to the inputs (<c>aria-invalid</c>, <c>aria-describedby</c>).
/// </summary>
internal sealed class PageErrors
{
    private readonly List<PageError> _items = [];

    public IReadOnlyList<PageError> Items => _items;

    public int Count => _items.Count;

    public void Add(string inputId, string label, string message) => _items.Add(new PageError(inputId, label, message));

    /// <summary>
    /// The module's field errors of a form: field <c>reason</c> of the form <c>decision</c> belongs to the
    /// input <c>decision-reason</c>; <paramref name="labels"/> names the form's fields (others go to <paramref name="fallbackInputId"/>).
    /// </summary>
    public void Add(string form, RequestValidationException refused, IReadOnlyDictionary<string, string> labels, string fallbackInputId)
    {
        foreach (var (field, messages) in refused.Errors)
        {
            var known = labels.TryGetValue(field, out var label);
            foreach (var message in messages)
            {
                Add(known ? $"{form}-{field}" : fallbackInputId, label ?? field, message);
            }
        }
    }

    public bool Has(string inputId) => _items.Any(e => e.InputId == inputId);

    public IEnumerable<string> For(string inputId) => _items.Where(e => e.InputId == inputId).Select(e => e.Message);

    /// <summary><c>"true"</c> for an input with errors, else null (the attribute is left out).</summary>
    public string? Invalid(string inputId) => Has(inputId) ? "true" : null;

    /// <summary>The ids that describe an input: its hint (if any) and its error message (if any); null when none.</summary>
    public string? DescribedBy(string inputId, string? hintId = null)
    {
        var ids = new[] { hintId, Has(inputId) ? inputId + "-error" : null }.Where(id => id is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The heading of the error summary.</summary>
    public static string Title => PortalText.Pick("Bitte prüfen Sie Ihre Angaben", "Please check your entries");
}

/// <summary>A labelled text input or text area of a page form, with its hint and its errors (see <c>_TextField.cshtml</c>).</summary>
/// <param name="Errors">The page's errors; those of <paramref name="Id"/> are shown at the input.</param>
/// <param name="Id">The input's id, e.g. <c>decision-reason</c>.</param>
/// <param name="Name">The posted name.</param>
/// <param name="Label">The visible label.</param>
/// <param name="Hint">A help text linked with <c>aria-describedby</c>, or null.</param>
/// <param name="Value">The value to show (what was posted, after an error).</param>
/// <param name="Multiline">A text area (true) or a one-line input.</param>
internal sealed record TextField(PageErrors Errors, string Id, string Name, string Label, string? Hint, string? Value, bool Multiline = true);
