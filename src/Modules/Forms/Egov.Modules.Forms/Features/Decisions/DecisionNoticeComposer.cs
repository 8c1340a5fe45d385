using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Engines.NoticeTemplates;
using Egov.Typesetting;
using Egov.Modules.Forms.Features.Receipts;
using Egov.SharedKernel.Time;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Decisions;

/// <summary>
/// Fills a form version's decision template with the case and lays the text out as a notice: the
/// authority's letterhead (the receipts' authority configuration), the facts (reference number,
/// date, application, applicant), the template's title (<c># …</c>), headings (<c>## …</c>) and
/// paragraphs (separated by blank lines). The same composition gives the PDF and the HTML preview,
/// so the preview shows what will be issued.
/// </summary>
internal sealed class DecisionNoticeComposer(IOptions<ReceiptOptions> receipts, IOptions<DecisionNoticeOptions> notices, ReceiptRenderer renderer)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The notice of <paramref name="kind"/> for the case, with the caseworker's <paramref name="text"/>, dated <paramref name="issuedAt"/>.</summary>
    /// <exception cref="Egov.SharedKernel.Errors.RequestValidationException">The form version has no template for <paramref name="kind"/> (field <c>kind</c>).</exception>
    public ComposedNotice Compose(Guid noticeId, Application application, FormContent content, DecisionKind kind, string? text, DateTimeOffset issuedAt)
    {
        var source = content.DecisionTemplates?.For(kind)
            ?? throw new Egov.SharedKernel.Errors.RequestValidationException("kind",
                $"Version {application.FormVersion} of form '{application.FormKey}' has no {kind.ToString().ToLowerInvariant()} template.");
        var authority = receipts.Value.Authority.ToAuthority();
        var issuedOn = Date(issuedAt);
        var feeEur = FeeRule.Cents(content, System.Text.Json.Nodes.JsonNode.Parse(application.Data) as System.Text.Json.Nodes.JsonObject) / 100m;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["authority"] = new Dictionary<string, object?>
            {
                ["name"] = authority.Name,
                ["address_lines"] = authority.AddressLines.ToList<object?>(),
                ["contact_lines"] = authority.ContactLines.ToList<object?>(),
            },
            ["reference_number"] = application.ReferenceNumber,
            ["issued_on"] = issuedOn,
            ["submitted_on"] = application.SubmittedAt is { } submitted ? Date(submitted) : "",
            ["form"] = new Dictionary<string, object?> { ["key"] = application.FormKey, ["title"] = content.Title.De, ["version"] = application.FormVersion },
            ["applicant"] = new Dictionary<string, object?> { ["name"] = application.ApplicantName ?? "" },
            ["decision"] = new Dictionary<string, object?> { ["kind"] = kind.ApiName(), ["title"] = KindTitle(kind), ["text"] = text ?? "" },
            ["fee"] = new Dictionary<string, object?>
            {
                ["amount"] = ReceiptFormat.Euros(feeEur, "de"),
                ["amount_eur"] = feeEur,
                ["text"] = content.FeeText.De,
                ["free"] = feeEur == 0,
            },
            ["legal_remedy"] = notices.Value.LegalRemedy,
            ["data"] = Value(JsonDocument.Parse(application.Data).RootElement),
        };

        var (title, sections) = Parse(NoticeTemplate.Render(source, model), KindTitle(kind));
        var document = new ReceiptDocument(
            "de-DE",
            null,
            new ReceiptMetadata($"{title} {application.ReferenceNumber}", authority.Name, $"{content.Title.De}, Version {application.FormVersion}", issuedAt, noticeId.ToString("N")),
            authority,
            new ReceiptLabel(title),
            new ReceiptLabel($"{KindTitle(kind)} – {content.Title.De}"),
            [
                new ReceiptField(new ReceiptLabel("Aktenzeichen"), application.ReferenceNumber ?? ""),
                new ReceiptField(new ReceiptLabel("Datum"), issuedOn),
                new ReceiptField(new ReceiptLabel("Ihr Antrag"), $"{content.Title.De} vom {model["submitted_on"]}"),
                new ReceiptField(new ReceiptLabel("Antragsteller/in"), application.ApplicantName ?? ""),
            ],
            sections,
            null,
            new ReceiptFooter($"{title} · {application.ReferenceNumber}", "Seite {0} von {1}"));
        return new ComposedNotice(title, document);
    }

    /// <summary>The notice as PDF (tagged, fonts embedded; deterministic for the same notice id and instant).</summary>
    public byte[] Pdf(ComposedNotice notice) => renderer.Render(notice.Document);

    /// <summary>The notice as an HTML fragment (an <c>article</c>, every text encoded) for the preview.</summary>
    public static string Html(ComposedNotice notice)
    {
        var d = notice.Document;
        var html = new StringBuilder("<article class=\"decision-notice\" lang=\"de\">");
        html.Append("<header><p><strong>").Append(Encode(d.Authority.Name)).Append("</strong><br>")
            .AppendJoin("<br>", d.Authority.AddressLines.Select(Encode)).Append("</p></header>");
        html.Append("<h2>").Append(Encode(d.Title.Text)).Append("</h2><dl>");
        foreach (var fact in d.Facts)
        {
            html.Append("<dt>").Append(Encode(fact.Label.Text)).Append("</dt><dd>").Append(Encode(fact.Value)).Append("</dd>");
        }

        html.Append("</dl>");
        foreach (var section in d.Sections)
        {
            if (section.Heading is { } heading)
            {
                html.Append("<h3>").Append(Encode(heading.Text)).Append("</h3>");
            }

            foreach (var block in section.Blocks.OfType<ReceiptParagraph>())
            {
                html.Append("<p>").Append(Encode(block.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
            }
        }

        return html.Append("</article>").ToString();
    }

    /// <summary>The German label of a kind.</summary>
    public static string KindTitle(DecisionKind kind) => kind switch
    {
        DecisionKind.Approval => "Bewilligung",
        DecisionKind.Rejection => "Ablehnung",
        _ => "Teilweise Bewilligung",
    };

    // Letters of every script stay as they are (readable source, smaller); markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);

    private static string Date(DateTimeOffset instant) =>
        CivilTime.ToBerlin(instant).ToString("dd.MM.yyyy", German);

    /// <summary>
    /// The rendered text as title and sections: a first line <c># …</c> is the title; <c>## …</c>
    /// starts a section; blank lines separate paragraphs; other line breaks stay.
    /// </summary>
    private static (string Title, IReadOnlyList<ReceiptSection> Sections) Parse(string text, string fallbackTitle)
    {
        var title = fallbackTitle;
        var sections = new List<ReceiptSection>();
        ReceiptLabel? heading = null;
        var blocks = new List<ReceiptBlock>();
        var paragraph = new List<string>();
        var first = true;

        void EndParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new ReceiptParagraph(string.Join('\n', paragraph)));
                paragraph.Clear();
            }
        }

        void EndSection()
        {
            EndParagraph();
            if (heading is not null || blocks.Count > 0)
            {
                sections.Add(new ReceiptSection(heading, 1, [.. blocks]));
            }

            blocks.Clear();
        }

        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (first && line.StartsWith("# ", StringComparison.Ordinal))
            {
                title = line[2..].Trim();
                first = false;
                continue;
            }

            first = first && line.Length == 0;
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                EndSection();
                heading = new ReceiptLabel(line[3..].Trim());
            }
            else if (line.Trim().Length == 0)
            {
                EndParagraph();
            }
            else
            {
                paragraph.Add(line);
            }
        }

        EndSection();
        return (title, sections);
    }

    /// <summary>JSON as the template model: objects as dictionaries, arrays as lists, numbers as decimals.</summary>
    private static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var number) ? number : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

/// <summary>A composed notice: its title and the document the typesetter renders.</summary>
internal sealed record ComposedNotice(string Title, ReceiptDocument Document);
