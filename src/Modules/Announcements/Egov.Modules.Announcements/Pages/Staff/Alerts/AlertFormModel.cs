using System.Globalization;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Pages.Staff.Alerts;

/// <summary>
/// The crisis team's alert form at <c>/staff/alerts/new</c> and <c>/staff/alerts/{id}</c>: the CAP
/// fields the module keeps (one area with description and regional keys), issued at once by the
/// CrisisManager (break-glass, reviewed by the press office afterwards). A published alert in force
/// is changed by issuing an Update, and withdrawn by a Cancel (all-clear), both referencing it — the
/// module's rules (alerts are never corrected in place).
/// </summary>
[Authorize(Policy = EgovPolicies.IssueAlerts)]
internal sealed partial class AlertFormModel(ISender sender, TimeProvider time, IOptions<AnnouncementOptions> options, ILogger<AlertFormModel> logger) : StaffFormModel
{
    [BindProperty]
    public AlertForm Form { get; set; } = new();

    public string? Notice { get; private set; }

    public string DefaultSenderName => options.Value.AlertSenderName;

    public bool IsNew => Existing is null;

    /// <summary>A draft (or a scheduled alert) is edited and issued; a new one is written and issued.</summary>
    public bool IsOpen => Existing is null or { Status: nameof(AnnouncementStatus.Draft) or nameof(AnnouncementStatus.Scheduled) };

    /// <summary>A published alert not yet superseded, and no all-clear itself: it can be updated or cancelled.</summary>
    public bool InForce => Existing is { Status: nameof(AnnouncementStatus.Published), SupersededBy: null }
        && Existing.Content.Alert?.MsgType != "Cancel";

    public string MsgType => Existing?.Content.Alert?.MsgType ?? "Alert";

    /// <summary>Whether the page shows the reach section: the alert has been issued (drafts reach no one).</summary>
    public bool ShowsReach => Existing?.PublishedAt is not null;

    /// <summary>The alert's reach when the page was made; null when Outreach could not tell (the page says so).</summary>
    public AlertReachView? Reach { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool issued, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        if (Existing is not null)
        {
            FillFrom(Existing);
        }

        Notice = issued ? PortalText.Pick("Die Warnung ist herausgegeben.", "The alert has been issued.") : null;
        if (ShowsReach)
        {
            Reach = await ReachAsync(cancellationToken);
        }

        return Page();
    }

    /// <summary>
    /// The reach as JSON (<see cref="AlertReachView"/>) for <c>alert-reach.js</c>, which polls it every 5 s;
    /// 404 for a draft or an unknown alert, 503 (problem) when Outreach cannot tell.
    /// </summary>
    public async Task<IActionResult> OnGetReachAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        if (!ShowsReach)
        {
            return NotFound();
        }

        return await ReachAsync(cancellationToken) is { } reach
            ? new JsonResult(reach)
            : new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = PortalText.Pick("Reichweite zurzeit nicht abrufbar", "Reach currently unavailable"),
            })
            { StatusCode = StatusCodes.Status503ServiceUnavailable, ContentTypes = { "application/problem+json" } };
    }

    /// <summary>Saves a draft without issuing it.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        if (!IsOpen)
        {
            return Redirect($"/staff/alerts/{Existing!.Id}");
        }

        var view = await WriteAsync(MsgType, Existing?.Content.Alert?.References ?? [], cancellationToken);
        return view is null ? Page() : Redirect($"/staff/alerts/{view.Id}");
    }

    /// <summary>Writes (or edits) the alert and publishes it now.</summary>
    public async Task<IActionResult> OnPostIssueAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        return IsOpen
            ? await WriteAndPublishAsync(MsgType, Existing?.Content.Alert?.References ?? [], cancellationToken)
            : Redirect($"/staff/alerts/{Existing!.Id}");
    }

    /// <summary>Issues an Update that references the alert in force (it then leaves the banner for the update).</summary>
    public async Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        return NoLongerInForce() ?? await WriteAndPublishAsync("Update", [Existing!.Id], cancellationToken);
    }

    /// <summary>Gives the all-clear: a Cancel with the alert's facts, referencing it; the alert expires at once.</summary>
    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        if (NoLongerInForce() is { } refused)
        {
            return refused;
        }

        var posted = Form.Version;
        FillFrom(Existing!);
        Form.Version = posted;
        if (!IsCurrentVersion())
        {
            return Page();
        }

        Form.Title = PortalText.Pick("Entwarnung: ", "All clear: ") + Form.Title;
        Form.Summary = PortalText.Pick("Die Gefahr ist vorüber.", "The danger is over.");
        Form.Instruction = PortalText.Pick("Die Gefahr ist vorüber. Es sind keine Maßnahmen mehr nötig.", "The danger is over. No action is needed any more.");
        Form.ResponseType = "AllClear";
        Form.Urgency = "Past";
        (Form.OnsetDate, Form.OnsetTime) = (null, null);
        var now = time.GetUtcNow();
        var expires = Existing!.Content.Alert!.Expires > now.AddMinutes(5) ? Existing.Content.Alert.Expires : now.AddHours(1);
        (Form.ExpiresDate, Form.ExpiresTime) = DateAndTime(expires);
        return await WriteAndPublishAsync("Cancel", [Existing.Id], cancellationToken);
    }

    public override string LabelOf(string inputId) => inputId switch
    {
        "title" => PortalText.Pick("Überschrift", "Headline"),
        "summary" => PortalText.Pick("Kurzfassung", "Summary"),
        "description" => PortalText.Pick("Beschreibung", "Description"),
        "instruction" => PortalText.Pick("Handlungsempfehlung", "Instruction"),
        "event" => PortalText.Pick("Ereignis", "Event"),
        "category" => PortalText.Pick("Kategorie", "Category"),
        "urgency" => PortalText.Pick("Dringlichkeit", "Urgency"),
        "severity" => PortalText.Pick("Schwere", "Severity"),
        "certainty" => PortalText.Pick("Gewissheit", "Certainty"),
        "response-type" => PortalText.Pick("Empfohlene Reaktion", "Response type"),
        "onset-date" => PortalText.Pick("Beginn", "Onset"),
        "expires-date" => PortalText.Pick("Gültig bis", "Expires"),
        "area-description" => PortalText.Pick("Gebiet", "Area"),
        "regional-keys" => PortalText.Pick("Regionalschlüssel (ARS)", "Regional keys (ARS)"),
        "sender-name" => PortalText.Pick("Absender", "Sender name"),
        _ => inputId,
    };

    protected override bool ForAlerts => true;

    private int? Version => ParseVersion(Form.Version);

    /// <summary>An Update or Cancel is a new alert, so the version of the one it references is checked here (it changes when it is superseded).</summary>
    private bool IsCurrentVersion()
    {
        if (Existing is null || Form.Version == VersionOf(Existing))
        {
            return true;
        }

        MarkStale();
        return false;
    }

    /// <summary>An Update or Cancel posted for an alert that is not (or no longer) in force: 404 for a new one, else the page with the reason.</summary>
    private IActionResult? NoLongerInForce()
    {
        if (Existing is null)
        {
            return NotFound();
        }

        if (InForce)
        {
            return null;
        }

        FillFrom(Existing);
        GeneralErrors.Add(PortalText.Pick(
            "Diese Warnung ist nicht mehr in Kraft (inzwischen aktualisiert, aufgehoben oder abgelaufen); laden Sie die Seite neu.",
            "This alert is no longer in force (updated, cancelled or expired in the meantime); reload the page."));
        return Page();
    }

    /// <summary>The reach from Outreach, or null when its query fails (module missing, database down): the page still renders.</summary>
    private async Task<AlertReachView?> ReachAsync(CancellationToken cancellationToken)
    {
        try
        {
            return AlertReachView.From(await sender.Send(new GetAlertReachQuery(Existing!.Id), cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReachFailed(e, Existing!.Id);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reach of alert {AlertId} could not be read")]
    private partial void LogReachFailed(Exception exception, Guid alertId);

    private async Task<IActionResult> WriteAndPublishAsync(string msgType, IReadOnlyList<Guid> references, CancellationToken cancellationToken)
    {
        if (!IsCurrentVersion() || await WriteAsync(msgType, references, cancellationToken) is not { } written)
        {
            return Page();
        }

        if (await TryAsync(() => sender.Send(new PublishAnnouncementCommand(Actor, written.Id, ParseVersion(VersionOf(written)), null), cancellationToken).AsTask(), InputOf))
        {
            return Redirect($"/staff/alerts/{written.Id}?issued=true");
        }

        // Written but not issued (e.g. the onset lies before now): the form now edits that draft.
        Existing = written;
        Form.Version = VersionOf(written);
        return Page();
    }

    /// <summary>Creates the alert, or edits the draft this page shows when it is one of the same type.</summary>
    private async Task<AnnouncementEditorView?> WriteAsync(string msgType, IReadOnlyList<Guid> references, CancellationToken cancellationToken)
    {
        if (RegionalKeys().FirstOrDefault(k => k.Length > 12 || !k.All(char.IsAsciiDigit)) is { } wrong)
        {
            AddFieldError("regional-keys", PortalText.Pick(
                $"„{wrong}“ ist kein Regionalschlüssel: bis zu 12 Ziffern, z. B. 091620000000.",
                $"'{wrong}' is no regional key: up to 12 digits, e.g. 091620000000."));
            return null;
        }

        var input = ToInput(msgType, references);
        var edit = IsOpen && Existing is not null;
        AnnouncementEditorView? view = null;
        var done = await TryAsync(
            async () => view = edit
                ? await sender.Send(new UpdateAnnouncementCommand(Actor, Existing!.Id, Version, input, null), cancellationToken)
                : await sender.Send(new CreateAnnouncementCommand(Actor, input), cancellationToken),
            InputOf);
        return done ? view : null;
    }

    private void FillFrom(AnnouncementEditorView view)
    {
        var german = view.Content.German;
        var alert = view.Content.Alert!;
        var area = alert.Areas.Count > 0 ? alert.Areas[0] : null;
        Form = new AlertForm
        {
            Title = german.Title,
            Summary = german.Summary,
            Description = german.BodyMarkdown,
            Instruction = alert.Instruction,
            Event = alert.Event,
            Category = alert.Category,
            Urgency = alert.Urgency,
            Severity = alert.Severity,
            Certainty = alert.Certainty,
            ResponseType = alert.ResponseType,
            AreaDescription = area?.Description,
            RegionalKeys = area is null ? null : string.Join(", ", area.Geocodes.Where(g => g.ValueName is "ARS" or "AGS").Select(g => g.Value)),
            SenderName = alert.SenderName,
            Version = VersionOf(view),
        };
        (Form.ExpiresDate, Form.ExpiresTime) = DateAndTime(alert.Expires);
        if (IsOpen)
        {
            // A published alert's onset has passed; an Update starts now unless another time is entered.
            (Form.OnsetDate, Form.OnsetTime) = DateAndTime(alert.Onset);
        }
    }

    private AnnouncementInput ToInput(string msgType, IReadOnlyList<Guid> references)
    {
        // An empty onset means "now": the time of sending (CAP: sent ≤ onset).
        var onset = LocalTime(Form.OnsetDate, Form.OnsetTime) ?? time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var keys = RegionalKeys();
        var area = new AreaInput(Form.AreaDescription?.Trim() ?? "", null, null, [.. keys.Select(k => new GeocodeInput("ARS", k))]);
        var alert = new AlertInput(
            msgType, references, Form.Event?.Trim() ?? "", Form.Category ?? "", Form.Urgency ?? "", Form.Severity ?? "", Form.Certainty ?? "",
            Form.ResponseType ?? "", Form.Instruction?.Trim() ?? "", onset, LocalTime(Form.ExpiresDate, Form.ExpiresTime) ?? "",
            string.IsNullOrWhiteSpace(Form.SenderName) ? null : Form.SenderName.Trim(), null, null, [area]);
        return new AnnouncementInput(
            AnnouncementKinds.Alert, null, [new VariantInput("de", Form.Title?.Trim() ?? "", Form.Summary, Form.Description)],
            ["warnings"], null, null, null, null, alert);
    }

    /// <summary>The regional keys as typed, split at commas, spaces, semicolons and line breaks.</summary>
    private string[] RegionalKeys() =>
        (Form.RegionalKeys ?? "").Split([',', ' ', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The input that shows a field error of the module (<c>alert.onset</c> → <c>onset-date</c>).</summary>
    private static string? InputOf(string name)
    {
        return name switch
        {
            "variants" or "variants[0].title" => "title",
            "variants[0].summary" => "summary",
            "variants[0].body" => "description",
            "alert.event" => "event",
            "alert.category" => "category",
            "alert.urgency" => "urgency",
            "alert.severity" => "severity",
            "alert.certainty" => "certainty",
            "alert.responseType" => "response-type",
            "alert.instruction" => "instruction",
            "alert.onset" => "onset-date",
            "alert.expires" => "expires-date",
            "alert.senderName" => "sender-name",
            "alert.areas" => "area-description",
            _ when name.StartsWith("alert.areas[0].description", StringComparison.Ordinal) => "area-description",
            _ when name.StartsWith("alert.areas[0]", StringComparison.Ordinal) => "regional-keys",
            _ => null,
        };
    }
}
