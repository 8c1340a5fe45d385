using System.Globalization;
using System.Text.Json;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// A CAP element of the BBK JSON form: an object member per CAP element, an array for repeated
/// ones (a single value is accepted too), <see langword="null"/> as absent. Members that are not
/// CAP elements are ignored: the warning API adds fields of its own.
/// </summary>
internal sealed class JsonCapNode(JsonElement element, string path, List<CapProblem> problems) : CapNode(path, problems)
{
    private bool _reportedShape;

    /// <inheritdoc />
    public override string? Text
    {
        get
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.GetRawText();
                default:
                    Report(Path, $"must be a string, but is a JSON {element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}");
                    return null;
            }
        }
    }

    /// <inheritdoc />
    protected override IReadOnlyList<CapNode> Children(string name, Func<int, string> path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (!_reportedShape)
            {
                _reportedShape = true;
                Report(Path, $"must be a JSON object, but is a JSON {element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}");
            }

            return [];
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return [new JsonCapNode(value, path(0), Problems)];
        }

        return [.. value.EnumerateArray().Select((item, index) => new JsonCapNode(item, path(index), Problems))];
    }

    /// <inheritdoc />
    protected override void ReportOtherChildren(IReadOnlySet<string> known)
    {
        // Unknown members are ignored (see the type's summary).
    }
}
