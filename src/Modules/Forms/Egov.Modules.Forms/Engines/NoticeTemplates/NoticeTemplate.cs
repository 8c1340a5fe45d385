using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace Egov.Modules.Forms.Engines.NoticeTemplates;

/// <summary>
/// A decision-notice template in Liquid (Fluid 3.0; the language: https://shopify.github.io/liquid/),
/// checked when it is saved and rendered when a notice is issued.
/// <para>
/// <see cref="Check"/> parses the template and walks its syntax tree: every variable it reads must be
/// one of the known fields (<see cref="NoticeFields"/>), or a name the template itself binds
/// (<c>assign</c>, <c>capture</c>, the variable of a <c>for</c> loop and <c>forloop</c>); every filter
/// must exist; <c>include</c>, <c>render</c>, <c>from</c> and <c>macro</c> are refused (a notice
/// template stands alone). So a template that passed the check cannot fail at issue time on a name.
/// Rendering is not strict about variables: a known field the case left empty (an optional part of
/// the form) renders as nothing, as Liquid does; unknown filters still throw (a defect).
/// </para>
/// Rendering is sandboxed (Liquid has no access to .NET members beyond the model's dictionaries),
/// limited in steps (and so in output: templates are at most 20,000 characters), culture de-DE, time zone Europe/Berlin, and not HTML-encoded:
/// the output is plain text that the typesetter or the HTML preview encodes.
/// </summary>
internal static class NoticeTemplate
{
    /// <summary>Longest template source accepted, in characters.</summary>
    public const int MaxSourceLength = 20_000;

    private static readonly FluidParser Parser = new();

    // Fluid 2.x (NSwag's NJsonSchema code generation, used by the OpenAPI client test, needs the 2.x API):
    // no output-size limit there, so the output is bounded by the steps and the template's length.
    private static readonly TemplateOptions Options = new()
    {
        StrictVariables = false,
        StrictFilters = true,
        CultureInfo = CultureInfo.GetCultureInfo("de-DE"),
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
        MaxSteps = 100_000,
    };

    /// <summary>
    /// The problems of a template, empty when it is fine: a syntax error (with Fluid's line and
    /// column), every unknown field by its dotted name, every unknown filter, refused tags.
    /// </summary>
    /// <param name="source">The Liquid source.</param>
    /// <param name="fields">The fields the template may read.</param>
    public static IReadOnlyList<string> Check(string source, NoticeFields fields)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fields);
        if (source.Length > MaxSourceLength)
        {
            return [$"The template is longer than {MaxSourceLength} characters."];
        }

        if (!Parser.TryParse(source, out var template, out var error))
        {
            return [$"Syntax error: {error}"];
        }

        var checker = new FieldChecker(fields, Options);
        checker.VisitTemplate(template);
        return [.. checker.Problems.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The template rendered over <paramref name="model"/> as plain text.</summary>
    /// <param name="source">A template that passed <see cref="Check"/>.</param>
    /// <param name="model">Nested dictionaries, lists, strings, numbers and booleans (<see cref="NoticeFields"/> names them).</param>
    /// <exception cref="InvalidOperationException">The template does not parse, or uses an unknown filter (a defect: <see cref="Check"/> refuses both).</exception>
    public static string Render(string source, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"The notice template does not parse: {error}");
        }

        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value ?? Fluid.Values.NilValue.Instance);
        }

        return template.Render(context, NullEncoder.Default);
    }

    /// <summary>Collects unknown fields, filters and refused tags, tracking what the template binds itself.</summary>
    private sealed class FieldChecker(NoticeFields fields, TemplateOptions options) : AstVisitor
    {
        private readonly HashSet<string> _locals = new(StringComparer.Ordinal) { "forloop", "tablerowloop", "empty", "blank", "nil", "null", "true", "false" };
        private readonly Dictionary<string, string> _loopItems = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = [];

        public override IFluidTemplate VisitTemplate(IFluidTemplate template)
        {
            // Names bound anywhere count everywhere: Liquid's assign is template-wide, and a loose
            // rule here never lets an unknown model field through (those are checked by path).
            new BindingCollector(_locals).VisitTemplate(template);
            return base.VisitTemplate(template);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            if (forStatement.Source is MemberExpression source && Path(source) is { } path)
            {
                _loopItems[forStatement.Identifier] = path + "[]";
                var result = base.VisitForStatement(forStatement);
                _loopItems.Remove(forStatement.Identifier);
                return result;
            }

            _locals.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment root && !_locals.Contains(root.Identifier))
            {
                var known = _loopItems.TryGetValue(root.Identifier, out var item) ? item : root.Identifier;
                if (!_loopItems.ContainsKey(root.Identifier) && !fields.Contains(known))
                {
                    Problems.Add($"Unknown field '{root.Identifier}'. Known fields: {string.Join(", ", fields.Roots)}.");
                }
                else
                {
                    CheckMembers(known, memberExpression.Segments.Skip(1), root.Identifier);
                }
            }

            return base.VisitMemberExpression(memberExpression);
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (!options.Filters.TryGetValue(filterExpression.Name, out _))
            {
                Problems.Add($"Unknown filter '{filterExpression.Name}'.");
            }

            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) => Refuse(includeStatement, "include");

        protected override Statement VisitRenderStatement(RenderStatement renderStatement) => Refuse(renderStatement, "render");

        protected override Statement VisitFromStatement(FromStatement fromStatement) => Refuse(fromStatement, "from");

        protected override Statement VisitMacroStatement(MacroStatement macroStatement) => Refuse(macroStatement, "macro");

        private Statement Refuse(Statement statement, string tag)
        {
            Problems.Add($"The tag '{tag}' is not available in notice templates.");
            return statement;
        }

        private void CheckMembers(string path, IEnumerable<MemberSegment> segments, string shown)
        {
            foreach (var segment in segments)
            {
                string? name = segment switch
                {
                    IdentifierSegment identifier => identifier.Identifier,
                    IndexerSegment { Expression: LiteralExpression literal } => literal.Value.Type == Fluid.Values.FluidValues.Number ? "[]" : literal.Value.ToStringValue(),
                    _ => null,
                };
                if (name is null || name is "size" or "first" or "last")
                {
                    // A computed index, or Liquid's own members of lists and texts: nothing more to check by name.
                    return;
                }

                var next = name == "[]" ? path + "[]" : path + "." + name;
                shown += name == "[]" ? "[…]" : "." + name;
                if (!fields.Contains(next))
                {
                    Problems.Add($"Unknown field '{shown}'.");
                    return;
                }

                path = next;
            }
        }

        private static string? Path(MemberExpression expression)
        {
            var parts = new List<string>();
            foreach (var segment in expression.Segments)
            {
                if (segment is not IdentifierSegment identifier)
                {
                    return null;
                }

                parts.Add(identifier.Identifier);
            }

            return string.Join('.', parts);
        }
    }

    /// <summary>Every name the template binds with assign, capture, increment or decrement.</summary>
    private sealed class BindingCollector(HashSet<string> locals) : AstVisitor
    {
        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            locals.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            locals.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }
    }
}
