using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Egov.Modules.Forms.Domain;
using Egov.Typesetting;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Forms.Seed;

namespace Egov.Benchmarks;

/// <summary>
/// One receipt (Eingangsbestätigung) per seeded form, with the seed's first example as the
/// submission (cleaned as the submit handler stores it) and one attachment: the fingerprint (RFC 8785
/// canonical JSON + SHA-256), the composition of what the receipt shows, and the PDF rendering with
/// PDFsharp (layout, tagging, QR code, font subsets, compression). The column "PDF bytes" is the size
/// of the rendered receipt.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SizeConfig))]
public class ReceiptBenchmarks
{
    private static readonly ReceiptAuthority Authority = new(
        "Stadt Lüdenscheid – Der Bürgermeister",
        ["Fachdienst Bürgerservice", "Rathausplatz 2", "58507 Lüdenscheid"],
        ["Telefon +49 2351 17-0", "buergerservice@luedenscheid.example", "www.luedenscheid.example"]);

    private readonly ReceiptRenderer _renderer = new();
    private FormContent _form = null!;
    private ReceiptSubmission _submission = null!;
    private string _fingerprint = null!;
    private ReceiptDocument _receipt = null!;

    private static readonly Dictionary<string, string> FormKeys = new(StringComparer.Ordinal)
    {
        ["Hundesteuer"] = "hundesteuer-anmeldung",
        ["Parkausweis"] = "bewohnerparkausweis",
        ["GewA1"] = "gewerbeanmeldung-gewa1",
    };

    /// <summary>The seeded form, by a short name (BenchmarkDotNet cuts long parameter values).</summary>
    [Params("Hundesteuer", "Parkausweis", "GewA1")]
    public string Form { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_form, _submission) = Sample(FormKeys[Form]);
        _fingerprint = ReceiptFingerprint.Compute(_submission);
        _receipt = (ReceiptDocument)Compose();
    }

    /// <summary>Canonical JSON of the frozen submission and its SHA-256.</summary>
    [Benchmark]
    public string Fingerprint() => ReceiptFingerprint.Compute(_submission);

    /// <summary>What the receipt shows: layout walk, labels, values, facts.</summary>
    [Benchmark]
    public object Compose() => ReceiptComposer.Compose(
        _form, _submission, "Erika Mustermann", Authority, "de", _fingerprint, VerificationUrl(_submission.ReferenceNumber));

    /// <summary>The PDF.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Render() => _renderer.Render(_receipt);

    private static (FormContent Form, ReceiptSubmission Submission) Sample(string key)
    {
        var form = FormSeeder.LoadDocuments().Single(d => d.Key == key).ToContent();
        var (cleaned, errors) = ApplicationDataChecker.Check(form, form.Schema.GetProperty("examples")[0], "de");
        if (cleaned is null)
        {
            throw new InvalidOperationException($"The first example of {key} is invalid: {string.Join("; ", errors.Keys)}");
        }

        ReceiptAttachment[] attachments = [new(form.AttachmentSlots[0].Name, "Nachweis.pdf", 1_234_567, new string('a', 64))];
        return (form, new ReceiptSubmission(key, 1, "EGOV-2026-000042", new DateTimeOffset(2026, 11, 29, 17, 5, 0, 123, TimeSpan.Zero),
            JsonSerializer.SerializeToElement(cleaned), attachments));
    }

    private static Uri VerificationUrl(string reference) => new($"https://egov.luedenscheid.example/api/v1/receipts/verify?reference={reference}");

    /// <summary>Adds the median and the column "PDF bytes": the size of the receipt of the benchmark's form.</summary>
    private sealed class SizeConfig : ManualConfig
    {
        // The median as well: on a shared machine a few slow iterations pull the mean up.
        public SizeConfig() => AddColumn(StatisticColumn.Median, new PdfSizeColumn());
    }

    private sealed class PdfSizeColumn : IColumn
    {
        public string Id => nameof(PdfSizeColumn);

        public string ColumnName => "PDF bytes";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Size of the rendered receipt in bytes";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var benchmarks = new ReceiptBenchmarks { Form = (string)benchmarkCase.Parameters["Form"] };
            benchmarks.Setup();
            return benchmarks.Render().Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
