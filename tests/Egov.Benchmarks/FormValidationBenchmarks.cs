using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Seed;
using Json.Schema;

namespace Egov.Benchmarks;

/// <summary>
/// What the server pays to check one GewA 1 (Gewerbeanmeldung) submission: the full check the submit
/// handler runs (<see cref="ApplicationDataChecker.Check"/>: NFC cleaning, dropping sections the UI
/// layout hides, JSON Schema 2020-12 evaluation, error messages), for the seed's first example and
/// for an invalid copy of it; and, to split that cost, the schema evaluation alone against a schema
/// built once, the building of the schema from its text alone, and both together as the checker does
/// them on every call. The seed definition is loaded as the host seeds it
/// (<see cref="FormSeeder.LoadDocuments"/>).
/// <para>
/// Note: JsonSchema.Net 8 registers every schema built with <c>FromText</c> in
/// <c>SchemaRegistry.Global</c> under a new random URI, so the benchmarks that build schemas grow the
/// heap for as long as they run (as the host does per submission); their figures include that GC cost.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class FormValidationBenchmarks
{
    private const string FormKey = "gewerbeanmeldung-gewa1";

    // The options the checker uses; one instance for all calls, as a cached schema would be used.
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    private FormContent _content = null!;
    private JsonElement _valid;
    private JsonElement _invalid;
    private string _schemaText = null!;
    private JsonSchema _schema = null!;

    [GlobalSetup]
    public void Setup()
    {
        var document = FormSeeder.LoadDocuments().Single(d => d.Key == FormKey);
        _content = document.ToContent();
        _schemaText = _content.Schema.GetRawText();
        _schema = JsonSchema.FromText(_schemaText);
        _valid = _content.Schema.GetProperty("examples")[0].Clone();

        // The same application with a 56-character street in the business address and a postcode
        // of four digits: two field errors (on 2026-11-29 the checker also reported a spurious
        // third one on /establishment/kind, from the failed `if` of the establishment object).
        var invalid = JsonNode.Parse(_valid.GetRawText())!;
        var address = invalid["establishment"]!["address"]!;
        address["street"] = new string('W', 50) + "straße";
        address["postalCode"] = "5851";
        _invalid = JsonSerializer.SerializeToElement(invalid);

        // Fail fast if the data does not do what the benchmark names say.
        var (cleaned, errors) = ApplicationDataChecker.Check(_content, _valid, "de");
        if (cleaned is null || errors.Count != 0)
        {
            throw new InvalidOperationException($"The seed example is not valid: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }

        (cleaned, errors) = ApplicationDataChecker.Check(_content, _invalid, "de");
        if (cleaned is not null || !errors.ContainsKey("/establishment/address/street") || !errors.ContainsKey("/establishment/address/postalCode"))
        {
            throw new InvalidOperationException($"Expected street and postcode errors, got: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }

        if (!_schema.Evaluate(_valid, Options).IsValid)
        {
            throw new InvalidOperationException("The seed example does not satisfy the schema.");
        }
    }

    /// <summary>The whole server-side check of a valid submission, as the submit handler calls it.</summary>
    [Benchmark(Baseline = true)]
    public int CheckValidSubmission() => ApplicationDataChecker.Check(_content, _valid, "de").Errors.Count;

    /// <summary>The same with two field errors: the error path (failure collection, German messages).</summary>
    [Benchmark]
    public int CheckInvalidSubmission() => ApplicationDataChecker.Check(_content, _invalid, "de").Errors.Count;

    /// <summary>JSON Schema 2020-12 evaluation alone, against a schema built once in setup.</summary>
    [Benchmark]
    public bool EvaluateCachedSchema() => _schema.Evaluate(_valid, Options).IsValid;

    /// <summary>Building the GewA 1 schema from its text (the checker does this on every call).</summary>
    [Benchmark]
    public JsonSchema BuildSchemaFromText() => JsonSchema.FromText(_schemaText);

    /// <summary>
    /// What the checker's schema step costs as written: a schema built from text, then its first
    /// evaluation (which also sets up the new schema's evaluation state), with new options.
    /// </summary>
    [Benchmark]
    public bool BuildAndEvaluateFreshSchema() => JsonSchema.FromText(_schemaText)
        .Evaluate(_valid, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true }).IsValid;
}
