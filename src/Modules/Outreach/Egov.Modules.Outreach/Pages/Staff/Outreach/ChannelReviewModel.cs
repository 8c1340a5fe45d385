using System.Globalization;
using Egov.Modules.Outreach.Features.Deliveries;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Time;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The channel review for the council at <c>/staff/outreach/review</c> (staff who read posts): a period in Europe/Berlin
/// dates (default the last 30 days), per channel the figures of <see cref="GetChannelReportQuery"/>, and the same as PDF
/// (<c>/api/v1/outreach/channels/report.pdf</c>). A date that cannot be read or an end before the start shows the field
/// error, never a 500.
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class ChannelReviewModel(ISender sender, TimeProvider time) : OutreachPage
{
    public ChannelReport? Report { get; private set; }

    /// <summary>The first day (Europe/Berlin, <c>yyyy-MM-dd</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The last day, included.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The PDF of the shown period.</summary>
    public string PdfLink => Report is null ? "" :
        $"/api/v1/outreach/channels/report.pdf?from={Uri.EscapeDataString(Report.From.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(Report.To.ToString("O", CultureInfo.InvariantCulture))}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = CivilTime.Today(time);
        var last = Day(To, "to") ?? today;
        var first = Day(From, "from") ?? last.AddDays(-29);
        From = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Errors.Count == 0)
        {
            var allowed = await TryAsync(async () => Report = await sender.Send(
                new GetChannelReportQuery(Actor, CivilTime.StartOfDay(first), CivilTime.StartOfDay(last.AddDays(1))), cancellationToken));
            if (!allowed && Refusal is not null && Errors.Count == 0)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        return Page();
    }

    public override string FieldLabel(string key) => key switch
    {
        "from" => PortalText.Pick("Von", "From"),
        "to" => PortalText.Pick("Bis", "To"),
        _ => key,
    };

    private DateOnly? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Errors[field] = [PortalText.Pick("Bitte ein Datum wie 2026-11-30 angeben.", "Please give a date like 2026-11-30.")];
        return null;
    }
}
