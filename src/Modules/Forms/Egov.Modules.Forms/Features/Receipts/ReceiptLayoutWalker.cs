using System.Text.Json;
using Egov.Typesetting;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>
/// Walks a form's JSON Forms UI layout in order and collects what the applicant entered: every
/// <c>Category</c> and <c>Group</c> becomes a section (level 1, 2, 3; deeper groups stay at 3), every
/// <c>Control</c> whose data has a value a field (or a table, for an array of objects); layouts
/// (<c>Categorization</c>, <c>VerticalLayout</c>, <c>HorizontalLayout</c>) only arrange and leave no
/// trace. Sections without any value are left out. Layout rules are not evaluated: the data was
/// stored without the sections they hid (see <c>ApplicationDataChecker</c>).
/// </summary>
internal sealed class ReceiptLayoutWalker(ReceiptSchema schema, ReceiptFieldFormatter formatter, JsonElement data)
{
    private const int MaxLevel = 3;

    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);

    /// <summary>The sections of the layout, flattened in reading order.</summary>
    public IReadOnlyList<ReceiptSection> Sections(JsonElement layout)
    {
        var root = new Node(null, 0);
        Walk(layout, root);
        var sections = new List<ReceiptSection>();
        Flatten(root, sections);
        return sections;
    }

    /// <summary>
    /// Values of the data that no control of the layout showed (call after <see cref="Sections"/>), so that
    /// the receipt still lists everything submitted: labelled by translation or schema title, else by path.
    /// </summary>
    public IReadOnlyList<ReceiptBlock> Remaining()
    {
        var fields = new List<ReceiptBlock>();
        Collect(data, [], schema.Root, fields);
        return fields;
    }

    private void Walk(JsonElement element, Node parent)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "Control")
        {
            if (Block(element) is { } block)
            {
                parent.Items.Add(block);
            }

            return;
        }

        var target = parent;
        var heading = type is "Group" or "Category" ? formatter.ElementLabel(element, null, null, null) : null;
        // A group titled like its category (Erklärungen in Erklärungen) would only repeat the heading.
        if (type is "Group" or "Category" && (heading is null || heading != parent.Heading?.Text))
        {
            target = new Node(heading is null ? null : new ReceiptLabel(heading), parent.Level + 1);
            parent.Items.Add(target);
        }

        if (element.TryGetProperty("elements", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, target);
            }
        }
    }

    private ReceiptBlock? Block(JsonElement control)
    {
        if (!control.TryGetProperty("scope", out var scopeValue) || scopeValue.GetString() is not { } scope)
        {
            return null;
        }

        var path = ReceiptSchema.DataPath(scope);
        if (path.Count == 0 || Find(path) is not { } value || !ReceiptFieldFormatter.HasValue(value))
        {
            return null;
        }

        var node = schema.Resolve(scope);
        var defaultKey = string.Join('.', path);
        var key = formatter.ElementKey(control, node, defaultKey);
        var label = new ReceiptLabel(formatter.ElementLabel(control, node, defaultKey, path[^1])!);
        _shown.Add(string.Join('/', path));
        return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.Object)
            ? formatter.Table(label, node, value, control, key)
            : new ReceiptField(label, formatter.Format(node, value, key));
    }

    private JsonElement? Find(IReadOnlyList<string> path)
    {
        var node = data;
        foreach (var segment in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    private void Collect(JsonElement value, List<string> path, JsonElement? node, List<ReceiptBlock> fields)
    {
        if (path.Count > 0 && _shown.Contains(string.Join('/', path)))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                Collect(property.Value, [.. path, property.Name], schema.Property(node, property.Name), fields);
            }
        }
        else if (path.Count > 0 && ReceiptFieldFormatter.HasValue(value))
        {
            var key = string.Join('.', path);
            var label = formatter.ElementLabel(default, node, key, string.Join(" › ", path))!;
            fields.Add(new ReceiptField(new ReceiptLabel(label), formatter.Format(node, value, key)));
        }
    }

    private static void Flatten(Node node, List<ReceiptSection> sections)
    {
        var level = Math.Clamp(node.Level, 1, MaxLevel);
        var heading = node.Heading;
        var run = new List<ReceiptBlock>();
        foreach (var item in node.Items)
        {
            if (item is ReceiptBlock block)
            {
                run.Add(block);
                continue;
            }

            var child = (Node)item;
            if (!child.HasContent)
            {
                continue;
            }

            // Blocks before a subsection, or the heading of a section that only holds subsections.
            if (run.Count > 0 || (heading is not null && node.Level > 0))
            {
                sections.Add(new ReceiptSection(heading, level, run));
                heading = null;
                run = [];
            }

            Flatten(child, sections);
        }

        if (run.Count > 0)
        {
            sections.Add(new ReceiptSection(heading, level, run));
        }
    }

    /// <summary>A Category or Group while walking: its heading, depth and children (blocks and nodes).</summary>
    private sealed class Node(ReceiptLabel? heading, int level)
    {
        public ReceiptLabel? Heading { get; } = heading;

        public int Level { get; } = level;

        public List<object> Items { get; } = [];

        public bool HasContent => Items.Any(i => i is ReceiptBlock || (i is Node n && n.HasContent));
    }
}
