using System.Globalization;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Engines.JsonForms;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Decisions;
using Egov.Modules.Handoff.Contracts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Forms.Pages.Staff.Cases;

/// <summary>
/// One case at <c>/staff/cases/{id}</c>: status, the data as filed (labelled by the form version's
/// layout), files, information requests, history, messages and internal notes, and a form for each
/// move the case allows now. Every change posts the case's ETag as read; a stale one (the case
/// changed meanwhile) shows a notice and the current case instead of changing it. The page calls
/// the same commands as <c>/api/v1/cases</c>, so their rules and refusals are the API's. The hand-off
/// panel asks the Handoff module (<see cref="GetCaseHandoffsQuery"/>); when that fails the case still
/// shows, with a short notice in the panel — a hand-off failure never blocks the caseworker.
/// </summary>
[Authorize(Policy = EgovPolicies.HandleCases)]
internal sealed partial class CaseDetailModel(ISender sender, ILogger<CaseDetailModel> logger) : PageModel
{
    /// <summary>The forms of the page that move the case, with the status each one moves it to (the decision form names it).</summary>
    private static readonly Dictionary<string, ApplicationStatus?> TransitionForms = new(StringComparer.Ordinal)
    {
        ["review"] = ApplicationStatus.InReview,
        ["withdraw"] = ApplicationStatus.InReview,
        ["decision"] = null,
        ["close"] = ApplicationStatus.Closed,
    };

    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    private readonly Dictionary<string, string?> _posted = new(StringComparer.Ordinal);

    public CaseDetail Case { get; private set; } = null!;

    public IReadOnlyList<CaseMessageResponse> Messages { get; private set; } = [];

    public string FormTitle { get; private set; } = "";

    /// <summary>The data as filed, step by step, as the form's layout shows it for these answers.</summary>
    public IReadOnlyList<FormStep> Data { get; private set; } = [];

    public PageErrors Errors { get; } = new();

    /// <summary>Set when a change was refused because the case changed since the page was read.</summary>
    public bool Stale { get; private set; }

    /// <summary>What the last change did, for the confirmation after the redirect.</summary>
    public string? Done { get; private set; }

    public string Me => CaseEndpoints.Caseworker(HttpContext).Subject;

    public bool Allows(ApplicationStatus status) => Case.AllowedTransitions.Contains(status.ToString());

    public string? Posted(string inputId) => _posted.GetValueOrDefault(inputId);

    public async Task OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Done = done switch
        {
            "assigned" => PortalText.Pick("Die Zuständigkeit ist gespeichert.", "The assignment is saved."),
            "moved" => PortalText.Pick("Der neue Stand ist gespeichert.", "The new status is saved."),
            "requested" => PortalText.Pick("Die Nachforderung ist verschickt.", "The information request is sent."),
            "message" => PortalText.Pick("Die Nachricht ist gespeichert.", "The message is saved."),
            "issued" => PortalText.Pick("Der Bescheid ist erlassen und für die Antragstellerin oder den Antragsteller abrufbar.", "The notice is issued; the applicant can download it."),
            "resent" => PortalText.Pick("Die Übergabe wird erneut gesendet.", "The hand-off is being sent again."),
            _ => null,
        };
    }

    /// <summary>What was handed off where and when, oldest first; null when the Handoff module could not answer (<see cref="HandoffsUnavailable"/>).</summary>
    public IReadOnlyList<CaseHandoff>? Handoffs { get; private set; }

    /// <summary>Set when the hand-offs could not be read (or a re-send could not be made): the panel says so, the rest of the case shows.</summary>
    public bool HandoffsUnavailable { get; private set; }

    /// <summary>Sends a failed or parked push hand-off again (as <c>POST /api/v1/handoff/deliveries/{id}/resend</c>).</summary>
    public async Task<IActionResult> OnPostResendAsync(Guid id, Guid handoffId, CancellationToken cancellationToken)
    {
        var caseworker = CaseEndpoints.Caseworker(HttpContext);
        try
        {
            await sender.Send(new ResendCaseHandoffCommand(handoffId, caseworker.Departments, caseworker.IsAdministrator), cancellationToken);
            return Redirect($"/staff/cases/{id}?done=resent#handoffs");
        }
        catch (Exception e) when (e is NotFoundException or ConflictException)
        {
            Errors.Add("handoffs-title", PortalText.Pick("Nicht möglich", "Not possible"), e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogHandoffsUnavailable(logger, e, id);
            HandoffsUnavailable = true;
        }

        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>The kind of a hand-off in words.</summary>
    public static string HandoffKindText(string kind) => kind switch
    {
        CaseHandoffKinds.Push => PortalText.Pick("Übermittlung (Push)", "Sent to it (push)"),
        CaseHandoffKinds.Pull => PortalText.Pick("Abruf (Pull)", "Fetched by it (pull)"),
        CaseHandoffKinds.Xdomea => PortalText.Pick("xdomea-Export für die E-Akte", "xdomea export for the e-file"),
        _ => kind,
    };

    /// <summary>Where a hand-off stands in words.</summary>
    public static string HandoffStateText(CaseHandoff handoff) => handoff.Status switch
    {
        CaseHandoffStates.Pending => PortalText.Pick("wartet auf den Versand", "waiting to be sent"),
        CaseHandoffStates.Failed => PortalText.Pick("fehlgeschlagen, wird wiederholt", "failed, will be retried"),
        CaseHandoffStates.Sent when handoff.Kind == CaseHandoffKinds.Xdomea => PortalText.Pick("exportiert", "exported"),
        CaseHandoffStates.Sent => PortalText.Pick("zugestellt", "delivered"),
        CaseHandoffStates.Parked => PortalText.Pick("aufgegeben – bitte prüfen und erneut senden", "given up – please check, then send again"),
        CaseHandoffStates.Queued => PortalText.Pick("zum Abruf bereit", "ready to be fetched"),
        CaseHandoffStates.Acknowledged => PortalText.Pick("abgerufen und bestätigt", "fetched and acknowledged"),
        _ => handoff.Status,
    };

    /// <summary>The last error of a push hand-off in words (the technical text follows in brackets).</summary>
    public static string? HandoffErrorText(CaseHandoff handoff) => handoff.LastError is not { } error ? null : handoff.LastErrorKind switch
    {
        CaseHandoffErrors.ReceiverError => PortalText.Pick("Das Fachverfahren meldete eine Störung", "The specialist system reported a fault"),
        CaseHandoffErrors.Refused => PortalText.Pick("Das Fachverfahren hat die Übergabe abgelehnt (z. B. falsches Geheimnis oder unbekanntes Formular)", "The specialist system refused the hand-off (e.g. a wrong secret or an unknown form)"),
        CaseHandoffErrors.Timeout => PortalText.Pick("Das Fachverfahren hat nicht rechtzeitig geantwortet", "The specialist system did not answer in time"),
        CaseHandoffErrors.Unreachable => PortalText.Pick("Das Fachverfahren war nicht erreichbar", "The specialist system could not be reached"),
        CaseHandoffErrors.NotConfigured => PortalText.Pick("Das Ziel ist nicht mehr eingerichtet", "The target is no longer set up"),
        CaseHandoffErrors.CaseGone => PortalText.Pick("Der Antrag ist nicht mehr vorhanden", "The application no longer exists"),
        _ => PortalText.Pick("Fehler", "Error"),
    } + $" ({error})";

    /// <summary>The time of a hand-off that matters most: sent, else last attempted, else handed off.</summary>
    public static DateTimeOffset HandoffTime(CaseHandoff handoff) => handoff.SentAt ?? handoff.LastAttemptAt ?? handoff.CreatedAt;

    /// <summary>A file of the case as a download (logged as a read, like the API's).</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetCaseAttachmentQuery(CaseEndpoints.Caseworker(HttpContext), id, attachmentId), cancellationToken);
        return File(file.Content, file.MediaType, file.FileName);
    }

    /// <summary>A decision notice as issued (logged as a read).</summary>
    public async Task<IActionResult> OnGetDecisionNoticeAsync(Guid id, Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = await sender.Send(new GetCaseDecisionNoticeQuery(CaseEndpoints.Caseworker(HttpContext), id, noticeId), cancellationToken);
        return File(notice.Pdf, "application/pdf", notice.FileName);
    }

    /// <summary>The payment confirmation of a fee paid after submission, as issued (logged as a read).</summary>
    public async Task<IActionResult> OnGetPaymentConfirmationAsync(Guid id, Guid paymentId, CancellationToken cancellationToken)
    {
        var confirmation = await sender.Send(new GetCasePaymentConfirmationQuery(CaseEndpoints.Caseworker(HttpContext), id, paymentId), cancellationToken);
        return File(confirmation.Pdf, "application/pdf", confirmation.FileName);
    }

    /// <summary>Shows the notice as it would be issued now (nothing is stored), with the form filled as posted.</summary>
    public async Task<IActionResult> OnPostNoticePreviewAsync(Guid id, string? kind, string? text, CancellationToken cancellationToken)
    {
        _posted["notice-kind"] = kind;
        _posted["notice-text"] = text;
        if (NoticeKind(kind) is not { } decision)
        {
            return await RedisplayAsync(id, cancellationToken);
        }

        try
        {
            NoticePreview = (await sender.Send(new PreviewDecisionNoticeQuery(CaseEndpoints.Caseworker(HttpContext), id, decision, text, Html: true), cancellationToken)).Html;
        }
        catch (RequestValidationException refused)
        {
            Errors.Add("notice", refused, NoticeLabels, "notice-title");
        }
        catch (ConflictException e)
        {
            Errors.Add("notice-title", PortalText.Pick("Nicht möglich", "Not possible"), e.Message);
        }

        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>Issues the notice with the decision (as <c>POST /api/v1/cases/{id}/decision</c>).</summary>
    public Task<IActionResult> OnPostNoticeAsync(Guid id, string? etag, string? kind, string? text, CancellationToken cancellationToken)
    {
        _posted["notice-kind"] = kind;
        _posted["notice-text"] = text;
        return NoticeKind(kind) is { } decision
            ? ChangeAsync(id, "notice", "issued", () => sender.Send(
                new IssueDecisionCommand(CaseEndpoints.Caseworker(HttpContext), id, Revision(etag), decision, text), cancellationToken), cancellationToken)
            : RedisplayAsync(id, cancellationToken);
    }

    /// <summary>The HTML of the last preview (encoded by the composer), shown below the notice form.</summary>
    public string? NoticePreview { get; private set; }

    public static string NoticeKindLabel => PortalText.Pick("Art des Bescheids", "Kind of notice");

    public static string NoticeTextLabel => PortalText.Pick("Text des Bescheids (Begründung, Hinweise)", "Text of the notice (reasons, remarks)");

    private static Dictionary<string, string> NoticeLabels => new(StringComparer.Ordinal) { ["kind"] = NoticeKindLabel, ["text"] = NoticeTextLabel };

    private DecisionKind? NoticeKind(string? kind)
    {
        if (Enum.TryParse<DecisionKind>(kind, ignoreCase: true, out var decision) && Enum.IsDefined(decision) && !int.TryParse(kind, out _))
        {
            return decision;
        }

        Errors.Add("notice-kind", NoticeKindLabel, PortalText.Pick("Bitte wählen Sie: Bewilligung, teilweise Bewilligung oder Ablehnung.", "Please choose: approval, partial approval or rejection."));
        return null;
    }

    /// <summary>The receipt as issued at submission (logged as a read).</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid id, CancellationToken cancellationToken)
    {
        var receipt = await sender.Send(new GetCaseReceiptQuery(CaseEndpoints.Caseworker(HttpContext), id), cancellationToken);
        return File(receipt.Pdf, "application/pdf", receipt.FileName);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? etag, string? assignee, CancellationToken cancellationToken) =>
        ChangeAsync(id, "assign", "assigned", () => sender.Send(
            new AssignCaseCommand(CaseEndpoints.Caseworker(HttpContext), id, Revision(etag), assignee == "me" ? "me" : null), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostTransitionAsync(Guid id, string? etag, string? form, string? to, string? reason, CancellationToken cancellationToken)
    {
        form = form is not null && TransitionForms.ContainsKey(form) ? form : "decision";
        _posted[$"{form}-reason"] = reason;
        _posted[$"{form}-to"] = to;
        var target = TransitionForms[form] ?? (to switch
        {
            "Approved" => ApplicationStatus.Approved,
            "Rejected" => ApplicationStatus.Rejected,
            _ => (ApplicationStatus?)null,
        });
        if (target is not { } status)
        {
            Errors.Add("decision-to", DecisionLabel, PortalText.Pick("Bitte wählen Sie: bewilligen oder ablehnen.", "Please choose: approve or reject."));
            return RedisplayAsync(id, cancellationToken);
        }

        return ChangeAsync(id, form, "moved", () => sender.Send(
            new TransitionCaseCommand(CaseEndpoints.Caseworker(HttpContext), id, Revision(etag), status, reason), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostInformationAsync(Guid id, string? etag, string? message, string? answerBy, CancellationToken cancellationToken)
    {
        _posted["info-message"] = message;
        _posted["info-answerBy"] = answerBy;
        if (!DateOnly.TryParseExact(answerBy?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors.Add("info-answerBy", AnswerByLabel, PortalText.Pick("Bitte geben Sie ein Datum ein, z. B. 24.12.2026.", "Please enter a date, e.g. 2026-12-24."));
            return RedisplayAsync(id, cancellationToken);
        }

        return ChangeAsync(id, "info", "requested", () => sender.Send(
            new RequestInformationCommand(CaseEndpoints.Caseworker(HttpContext), id, Revision(etag), message ?? "", date), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostMessageAsync(Guid id, string? body, string? @internal, CancellationToken cancellationToken)
    {
        // The note form posts "true"; a flag that is neither true nor false must not fall back to a
        // message the applicant reads (a bool parameter would bind it as false).
        if (!bool.TryParse(string.IsNullOrWhiteSpace(@internal) ? "false" : @internal.Trim(), out var isInternal))
        {
            return BadRequest();
        }

        var form = isInternal ? "note" : "message";
        _posted[$"{form}-body"] = body;
        return await ChangeAsync(id, form, "message", () => sender.Send(
            new PostCaseMessageCommand(CaseEndpoints.Caseworker(HttpContext), id, body ?? "", isInternal), cancellationToken), cancellationToken);
    }

    public static string DecisionLabel => PortalText.Pick("Entscheidung", "Decision");

    public static string ReasonLabel => PortalText.Pick("Begründung", "Reason");

    public static string AnswerByLabel => PortalText.Pick("Antwort bis", "Answer by");

    /// <summary>A value of the filed data in words: choices by their label, yes/no for boxes, a dash for nothing.</summary>
    public static string Show(ControlNode control) => control.Kind switch
    {
        _ when control.Value.Length == 0 => "–",
        ControlKind.Checkbox => control.Value == "true" ? PortalText.Pick("Ja", "Yes") : PortalText.Pick("Nein", "No"),
        ControlKind.Radio or ControlKind.Select => control.Options.FirstOrDefault(o => o.Value == control.Value)?.Label ?? control.Value,
        _ => control.Value,
    };

    public static string HistoryText(CaseHistoryEntryResponse entry) => entry.Kind switch
    {
        "Assigned" => PortalText.Pick("Zugewiesen an ", "Assigned to ") + entry.AssigneeName,
        "Unassigned" => PortalText.Pick("Zuweisung aufgehoben", "Unassigned"),
        _ when entry.DecisionNoticeId is not null => $"{PortalApplicant.StatusName(entry.FromStatus ?? "")} → {PortalApplicant.StatusName(entry.ToStatus ?? "")}" + PortalText.Pick(", mit Bescheid", ", with notice"),
        _ => entry.FromStatus is null || entry.FromStatus == nameof(ApplicationStatus.Draft)
            ? PortalApplicant.StatusName(entry.ToStatus ?? "")
            : $"{PortalApplicant.StatusName(entry.FromStatus)} → {PortalApplicant.StatusName(entry.ToStatus ?? "")}",
    };

    public static string RequestStatusName(string status) => status switch
    {
        "Open" => PortalText.Pick("offen", "open"),
        "Answered" => PortalText.Pick("beantwortet", "answered"),
        "Cancelled" => PortalText.Pick("zurückgenommen", "withdrawn"),
        _ => status,
    };

    /// <summary>
    /// Makes a change and shows the case again (post, redirect, get); the module's refusals are shown
    /// on the page: field errors at the form's inputs, a stale ETag as a notice, a move the case does
    /// not allow (any more) at the form.
    /// </summary>
    private async Task<IActionResult> ChangeAsync<T>(Guid id, string form, string done, Func<ValueTask<T>> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            return Redirect($"/staff/cases/{id}?done={done}#{(done == "message" ? "messages" : "status")}");
        }
        catch (RequestValidationException refused)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["reason"] = ReasonLabel,
                ["message"] = PortalText.Pick("Nachricht an die Antragstellerin oder den Antragsteller", "Message to the applicant"),
                ["answerBy"] = AnswerByLabel,
                ["body"] = form == "note" ? PortalText.Pick("Interne Notiz", "Internal note") : PortalText.Pick("Nachricht", "Message"),
                ["to"] = DecisionLabel,
                ["kind"] = NoticeKindLabel,
                ["text"] = NoticeTextLabel,
            };
            Errors.Add(form, refused, labels, form + "-title");
        }
        catch (Exception e) when (e is PreconditionFailedException or PreconditionRequiredException)
        {
            Stale = true;
        }
        catch (Exception e) when (e is ConflictException or DomainRuleException)
        {
            Errors.Add(form + "-title", PortalText.Pick("Nicht möglich", "Not possible"), e.Message);
        }

        return await RedisplayAsync(id, cancellationToken);
    }

    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var caseworker = CaseEndpoints.Caseworker(HttpContext);
        Case = await sender.Send(new GetCaseQuery(caseworker, id), cancellationToken);
        Messages = await sender.Send(new ListCaseMessagesQuery(caseworker, id), cancellationToken);
        var form = (await sender.Send(new GetFormQuery(Case.FormKey, Case.FormVersion), cancellationToken)).Definition;
        FormTitle = form.Title.In(PortalText.Language);
        var renderer = new FormRenderer(form.Schema, form.UiLayout, form.Translations, PortalText.Language);
        var data = JsonNode.Parse(Case.Data.GetRawText()) as JsonObject ?? [];
        Data = [.. Enumerable.Range(0, renderer.StepCount).Select(i => renderer.Step(i, data))];
        if (!HandoffsUnavailable)
        {
            try
            {
                Handoffs = await sender.Send(new GetCaseHandoffsQuery(id, caseworker.Departments, caseworker.IsAdministrator), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The case is Forms' and shows whatever the Handoff module's state; the panel says it could not be read.
                LogHandoffsUnavailable(logger, e, id);
                HandoffsUnavailable = true;
            }
        }
    }

    [LoggerMessage(EventId = 1240, Level = LogLevel.Warning, Message = "The hand-offs of case {CaseId} could not be read or re-sent; the case page shows without them")]
    private static partial void LogHandoffsUnavailable(ILogger logger, Exception exception, Guid caseId);

    /// <summary>The revision of an ETag as posted (<c>"7"</c>); null when missing (428), -1 when it is no ETag of ours (412).</summary>
    private static int? Revision(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null
        : int.TryParse(etag.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : -1;
}
