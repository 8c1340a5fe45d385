using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Engines.JsonForms;
using Egov.SharedKernel.Security;
using FluentValidation;
using Json.Schema;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>
/// Checks a form document before it is stored: the fields, that the schema is a valid JSON Schema
/// 2020-12 with at least one example and every example passes it, that every control of the UI
/// layout points at a property of the schema and has a German label, the attachment slots, and
/// that every decision-notice template parses and reads only known fields.
/// </summary>
internal sealed partial class FormDocumentValidator : AbstractValidator<FormDocument>
{
    /// <summary>Media types an attachment may have; detected from the bytes on upload.</summary>
    public static readonly string[] SupportedMediaTypes = ["application/pdf", "image/jpeg", "image/png"];

    private const long MaxAttachmentBytes = 50L * 1024 * 1024;

    public FormDocumentValidator()
    {
        // Null checks first: a document built in code (the seeder) has no JSON contract guarding it.
        RuleFor(d => d.Title).NotNull();
        RuleFor(d => d.Description).NotNull();
        RuleFor(d => d.Fee).NotNull();
        RuleFor(d => d.AttachmentSlots).NotNull();
        RuleFor(d => d.Title.De).NotEmpty().MaximumLength(200).OverridePropertyName("title.de").WithName("title.de").When(d => d.Title is not null);
        RuleFor(d => d.Title.En).MaximumLength(200).OverridePropertyName("title.en").WithName("title.en").When(d => d.Title is not null);
        RuleFor(d => d.Description.De).NotEmpty().MaximumLength(2000).OverridePropertyName("description.de").WithName("description.de").When(d => d.Description is not null);
        RuleFor(d => d.Department).NotEmpty().Matches(Slug()).WithMessage("Use lowercase letters, digits and '-', e.g. 'public-order'.");
        RuleFor(d => d.ProcessingDeadlineDays).InclusiveBetween(1, 365);
        RuleFor(d => d.Fee.AmountEur).InclusiveBetween(0m, 100_000m).OverridePropertyName("fee.amountEur").WithName("fee.amountEur")
            .Must(a => decimal.Round(a, 2) == a).WithMessage("At most two decimals (cents).").When(d => d.Fee is not null);
        RuleFor(d => d.Fee.Text).NotNull().OverridePropertyName("fee.text").WithName("fee.text").When(d => d.Fee is not null);
        RuleFor(d => d.Fee.Text.De).NotEmpty().OverridePropertyName("fee.text.de").WithName("fee.text.de").When(d => d.Fee?.Text is not null);
        RuleFor(d => d.Fee.Payment).Must(p => p is null or FeePayment.AfterSubmission or FeePayment.BeforeSubmission)
            .OverridePropertyName("fee.payment").WithName("fee.payment")
            .WithMessage($"'{FeePayment.AfterSubmission}' (default) or '{FeePayment.BeforeSubmission}'.").When(d => d.Fee is not null);
        RuleFor(d => d.Fee.PerField).Must(l => l!.Count <= 20).OverridePropertyName("fee.perField").WithName("fee.perField")
            .WithMessage("At most 20 fields.").When(d => d.Fee?.PerField is not null);
        RuleFor(d => d.RequiredAssuranceLevel)
            .Must(l => AssuranceLevels.Rank(l) > 0).WithMessage("Must be basic, substantial or high.");
        RuleFor(d => d.RetentionDays).InclusiveBetween(1, 36_500);
        RuleFor(d => d.RetentionAction).Must(a => a is null or FormContent.DeleteOnRetention or FormContent.StripOnRetention)
            .WithMessage("retentionAction is 'delete' (the whole application ends) or 'strip' (statistics kept, personal data removed).");
        RuleForEach(d => d.AttachmentSlots).NotNull().ChildRules(slot =>
        {
            slot.RuleFor(s => s.Name).NotEmpty().Matches(Slug());
            slot.RuleFor(s => s.Label).NotNull();
            slot.RuleFor(s => s.Label.De).NotEmpty().OverridePropertyName("label.de").WithName("label.de").When(s => s.Label is not null);
            slot.RuleFor(s => s.AllowedTypes).NotEmpty();
            slot.RuleForEach(s => s.AllowedTypes).Must(t => SupportedMediaTypes.Contains(t))
                .WithMessage($"Supported types: {string.Join(", ", SupportedMediaTypes)}.");
            slot.RuleFor(s => s.MaxSizeBytes).InclusiveBetween(1, MaxAttachmentBytes);
            slot.RuleFor(s => s.MaxCount).InclusiveBetween(1, 20);
            slot.RuleFor(s => s.RequiredWhen!.Pointer).Must(p => p is not null && p.StartsWith('/'))
                .When(s => s.RequiredWhen is not null).OverridePropertyName("requiredWhen.pointer").WithName("requiredWhen.pointer")
                .WithMessage("A JSON pointer (RFC 6901), e.g. '/vehicle/isVehicleHolder'.");
        });
        RuleFor(d => d.AttachmentSlots).Must(slots => slots.Select(s => s?.Name).Distinct(StringComparer.Ordinal).Count() == slots.Count)
            .WithMessage("Slot names must be unique.").When(d => d.AttachmentSlots is not null);
        RuleFor(d => d).Custom(CheckSchemaAndLayout);
    }

    private static void CheckSchemaAndLayout(FormDocument document, ValidationContext<FormDocument> context)
    {
        if (document.Schema.ValueKind != JsonValueKind.Object)
        {
            context.AddFailure("schema", "Must be a JSON Schema object.");
            return;
        }

        var meta = MetaSchemas.Draft202012.Evaluate(document.Schema, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!meta.IsValid)
        {
            foreach (var (location, message) in FormSchemas.Errors(meta).Take(10))
            {
                context.AddFailure($"schema{location}", message);
            }

            return;
        }

        if (document.Schema.TryGetProperty("$schema", out var dialect) && dialect.GetString() != MetaSchemas.Draft202012Id.ToString())
        {
            context.AddFailure("schema.$schema", $"Must be {MetaSchemas.Draft202012Id} (JSON Schema 2020-12).");
        }

        if (SchemaReferenceCycles.Find(document.Schema) is { } cycle)
        {
            context.AddFailure("schema", $"The subschema at {cycle} applies itself again through $ref without stepping into the data: evaluating it would never end (JSON Schema 2020-12, Core §9.4.1).");
            return;
        }

        JsonSchema schema;
        try
        {
            schema = FormSchemas.BuildUncached(document.Schema.GetRawText());
        }
        catch (Exception ex) when (IsSchemaDefect(ex))
        {
            context.AddFailure("schema", ex.Message);
            return;
        }

        if (!document.Schema.TryGetProperty("examples", out var examples) || examples.ValueKind != JsonValueKind.Array || examples.GetArrayLength() == 0)
        {
            context.AddFailure("schema.examples", "At least one complete, valid example is required.");
        }
        else
        {
            var index = 0;
            foreach (var example in examples.EnumerateArray())
            {
                EvaluationResults result;
                try
                {
                    result = schema.Evaluate(example, FormSchemas.EvaluationOptions);
                }
                catch (Exception ex) when (IsSchemaDefect(ex))
                {
                    // JsonSchema.Net reports what it cannot use (an unknown keyword, a $ref that
                    // leads nowhere) only when it evaluates: a defect of the schema, not of the example.
                    context.AddFailure("schema", ex.Message);
                    return;
                }

                foreach (var (location, message) in FormSchemas.Errors(result).Take(5))
                {
                    context.AddFailure($"schema.examples[{index}]{location}", message);
                }

                index++;
            }
        }

        CheckLayout(document, context);
        CheckDecisionTemplates(document, context);
        CheckFeeFields(document, context);
    }

    /// <summary>
    /// What JsonSchema.Net 8 throws for a schema it cannot build or evaluate: unknown keywords of the
    /// dialect and unresolvable references (<see cref="JsonSchemaException"/>, <see cref="RefResolutionException"/>),
    /// malformed JSON or values, a <c>pattern</c> that runs too long.
    /// </summary>
    private static bool IsSchemaDefect(Exception ex) =>
        ex is JsonSchemaException or RefResolutionException or JsonException or ArgumentException or InvalidOperationException
            or NotSupportedException or KeyNotFoundException or System.Text.RegularExpressions.RegexMatchTimeoutException;

    /// <summary>
    /// Every decision template parses and reads only known fields (the notice's and the schema's), so a
    /// notice never fails at issue time; each problem names the template (<c>decisionTemplates.rejection</c>).
    /// </summary>
    private static void CheckDecisionTemplates(FormDocument document, ValidationContext<FormDocument> context)
    {
        if (document.DecisionTemplates is not { } templates)
        {
            return;
        }

        foreach (var (field, message) in DecisionTemplateCheck.Problems(templates, document.Schema))
        {
            context.AddFailure(field, message);
        }
    }

    /// <summary>
    /// Every computed part of the fee names a property of the schema (a JSON pointer into the data)
    /// and an amount in cents, so no fee is ever computed from a field the form does not have; each
    /// problem names the entry (<c>fee.perField[0].field</c>).
    /// </summary>
    private static void CheckFeeFields(FormDocument document, ValidationContext<FormDocument> context)
    {
        if (document.Fee?.PerField is not { } lines)
        {
            return;
        }

        var schemaNode = JsonNode.Parse(document.Schema.GetRawText())!;
        for (var i = 0; i < lines.Count; i++)
        {
            var at = $"fee.perField[{i}]";
            if (lines[i] is not { } line)
            {
                context.AddFailure(at, "Must be an object { field, amountEur }.");
                continue;
            }

            if (string.IsNullOrEmpty(line.Field) || !line.Field.StartsWith('/') || FormSchemas.Resolve(schemaNode, SchemaScope(line.Field)) is null)
            {
                context.AddFailure($"{at}.field", $"'{line.Field}' is no field of the form's data: give a JSON pointer (RFC 6901) to a property of the schema, e.g. '/vehicle'.");
            }

            if (line.AmountEur is < 0m or > 100_000m || decimal.Round(line.AmountEur, 2) != line.AmountEur)
            {
                context.AddFailure($"{at}.amountEur", "0 to 100000 euros per unit, at most two decimals (cents).");
            }
        }
    }

    /// <summary>A data pointer (<c>/vehicle/registrationNumber</c>) as the schema scope of its property (<c>#/properties/vehicle/properties/registrationNumber</c>).</summary>
    private static string SchemaScope(string pointer) =>
        "#" + string.Concat(pointer.TrimStart('/').Split('/').Select(segment => "/properties/" + segment));

    private static void CheckLayout(FormDocument document, ValidationContext<FormDocument> context)
    {
        if (document.UiLayout.ValueKind != JsonValueKind.Object || !document.UiLayout.TryGetProperty("type", out _))
        {
            context.AddFailure("uiLayout", "Must be a JSON Forms UI schema object with a 'type'.");
            return;
        }

        var germanLabels = document.Translations.ValueKind == JsonValueKind.Object && document.Translations.TryGetProperty("de", out var de)
            && de.ValueKind == JsonValueKind.Object
            ? de.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var schemaNode = JsonNode.Parse(document.Schema.GetRawText())!;
        foreach (var element in FormSchemas.LayoutElements(document.UiLayout))
        {
            if (element.TryGetProperty("scope", out var scope) && FormSchemas.Resolve(schemaNode, scope.GetString() ?? "") is null)
            {
                context.AddFailure("uiLayout", $"Control scope '{scope.GetString()}' points at no property of the schema.");
            }

            // A rule's condition schema is evaluated on every save, submission and receipt: one that
            // applies itself again would overflow the stack of whoever evaluates it.
            if (element.TryGetProperty("rule", out var rule) && rule.ValueKind == JsonValueKind.Object
                && rule.TryGetProperty("condition", out var condition) && condition.ValueKind == JsonValueKind.Object
                && condition.TryGetProperty("schema", out var conditionSchema)
                && SchemaReferenceCycles.Find(conditionSchema) is { } cycle)
            {
                context.AddFailure("uiLayout", $"A rule's condition schema applies itself again through $ref at {cycle}: evaluating it would never end.");
            }

            if (element.TryGetProperty("i18n", out var key) && !germanLabels.Contains($"{key.GetString()}.label")
                && !element.TryGetProperty("label", out _))
            {
                context.AddFailure("translations.de", $"No German label for '{key.GetString()}'.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
