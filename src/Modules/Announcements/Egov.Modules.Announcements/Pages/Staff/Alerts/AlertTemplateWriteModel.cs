using System.Globalization;
using System.Text.RegularExpressions;
using Egov.Modules.Announcements.Features.Templates;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// Writing a crisis template at <c>/staff/alerts/templates/new</c> (Editor or CrisisManager): name,
/// texts in German, Leichte Sprache and English with placeholders such as <c>{Ort}</c>, the CAP
/// fields and the channels. The module's refusals appear next to their inputs; a stored template
/// waits for an Approver other than its author (four eyes) on the template list.
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed partial class AlertTemplateWriteModel(ISender sender) : StaffFormModel
{
    [BindProperty]
    public AlertTemplateForm Form { get; set; } = new();

    protected override bool ForAlerts => true;

    public IActionResult OnGet() => MayWrite ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayWrite)
        {
            return Forbid();
        }

        // Not a whole number: sent as missing, so the module names the field with its rule (1–168 hours).
        int? validHours = int.TryParse(Form.ValidHours, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ? hours : null;
        var (input, languages) = Form.ToInput(validHours);
        AlertTemplateView? created = null;
        if (await TryAsync(async () => created = await sender.Send(new CreateAlertTemplateCommand(Actor, input), cancellationToken), field => InputOf(field, languages)))
        {
            return Redirect($"/staff/alerts/templates?saved={created!.Id}#t-{created.Id.ToString("N")[..8]}-name");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public override string LabelOf(string inputId) => inputId switch
    {
        "name" => PortalText.Pick("Name der Vorlage", "Template name"),
        "event" => PortalText.Pick("Ereignis", "Event"),
        "category" => PortalText.Pick("Kategorie", "Category"),
        "urgency" => PortalText.Pick("Dringlichkeit", "Urgency"),
        "severity" => PortalText.Pick("Schwere", "Severity"),
        "certainty" => PortalText.Pick("Gewissheit", "Certainty"),
        "response-type" => PortalText.Pick("Empfohlene Reaktion", "Response type"),
        "area-description" => PortalText.Pick("Gebiet", "Area"),
        "regional-keys" => PortalText.Pick("Regionalschlüssel (ARS)", "Regional keys (ARS)"),
        "valid-hours" => PortalText.Pick("Gültigkeit in Stunden", "Hours in force"),
        "channels" => PortalText.Pick("Kanäle", "Channels"),
        _ when VariantInput().Match(inputId) is { Success: true } m => LanguageName(m.Groups[1].Value) + ": " + PartName(m.Groups[2].Value),
        _ => inputId,
    };

    /// <summary>The language's name on the page.</summary>
    public static string LanguageName(string language) => language switch
    {
        "de" => PortalText.Pick("Deutsch", "German"),
        "de-x-ls" => PortalText.Pick("Leichte Sprache", "Plain language (Leichte Sprache)"),
        _ => PortalText.Pick("Englisch", "English"),
    };

    /// <summary>The name of a text field on the page.</summary>
    public static string PartName(string part) => part switch
    {
        "title" => PortalText.Pick("Überschrift", "Headline"),
        "text" => PortalText.Pick("Text", "Text"),
        _ => PortalText.Pick("Handlungsempfehlung", "Instruction"),
    };

    private bool MayWrite => Actor.IsEditor || Actor.IsCrisisManager;

    /// <summary>The input of a field the module named: <c>variants[1].text</c> → <c>de-x-ls-text</c>, <c>alert.validHours</c> → <c>valid-hours</c>, ….</summary>
    private static string? InputOf(string field, IReadOnlyList<string> languages)
    {
        if (field == "variants")
        {
            return "de-title";
        }

        if (VariantField().Match(field) is { Success: true } variant && int.Parse(variant.Groups[1].Value, CultureInfo.InvariantCulture) is var i && i < languages.Count)
        {
            return variant.Groups[2].Value is "title" or "text" or "instruction" ? $"{languages[i]}-{variant.Groups[2].Value}" : $"{languages[i]}-title";
        }

        return field switch
        {
            "name" => "name",
            _ when field.StartsWith("channels", StringComparison.Ordinal) => "channels",
            _ when field.StartsWith("alert.geocodes", StringComparison.Ordinal) => "regional-keys",
            "alert.event" => "event",
            "alert.category" => "category",
            "alert.urgency" => "urgency",
            "alert.severity" => "severity",
            "alert.certainty" => "certainty",
            "alert.responseType" => "response-type",
            "alert.areaDescription" => "area-description",
            "alert.validHours" => "valid-hours",
            _ => null,
        };
    }

    [GeneratedRegex(@"^variants\[(\d+)\]\.?(\w*)")]
    private static partial Regex VariantField();

    [GeneratedRegex(@"^(de|de-x-ls|en)-(title|text|instruction)$")]
    private static partial Regex VariantInput();
}
