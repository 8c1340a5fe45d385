using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Features.Decisions;
using Egov.Modules.Forms.Features.Receipts;
using Egov.Modules.Payments.Contracts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Forms.Pages.Applications;

/// <summary>
/// One of the citizen's applications: status, reference number, history, attachments and the receipt;
/// an open information request with the form to answer it (message and files, under the upload rules
/// of the answer command), and the messages with the caseworkers with a form to write one.
/// </summary>
[Authorize(Policy = EgovPolicies.FileApplications)]
internal sealed class ApplicationDetailModel(ISender sender) : PageModel
{
    public ApplicationResponse Application { get; private set; } = null!;

    public FormDocument Form { get; private set; } = null!;

    public bool JustSubmitted { get; private set; }

    /// <summary>The fee for the application's data in euro cents (fixed or computed, <see cref="FeeRule"/>).</summary>
    public long FeeCents { get; private set; }

    /// <summary>A submit came for an application that was filed already (a second browser tab): it stays filed as it is.</summary>
    public bool AlreadyFiled { get; private set; }

    /// <summary>What the last post did, for the confirmation after the redirect.</summary>
    public string? Done { get; private set; }

    public PageErrors Errors { get; } = new();

    /// <summary>The open information request, if the city is waiting for an answer.</summary>
    public InformationRequestResponse? OpenRequest =>
        Application.Case?.InformationRequests.FirstOrDefault(r => r.Status == "Open");

    /// <summary>The text posted last (shown again with an error).</summary>
    public string? PostedText { get; private set; }

    /// <summary>The text posted last if <paramref name="form"/> (<c>answer</c> or <c>message</c>) posted it.</summary>
    public string? PostedBy(string form) => form == _postedForm ? PostedText : null;

    private string? _postedForm;

    public static string AnswerLabel => PortalText.Pick("Ihre Antwort", "Your answer");

    public static string FilesLabel => PortalText.Pick("Dateien (freiwillig)", "Files (optional)");

    public static string MessageLabel => PortalText.Pick("Ihre Nachricht", "Your message");

    public async Task<IActionResult> OnGetAsync(Guid id, bool submitted, bool filed, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } draft)
        {
            return draft;
        }

        JustSubmitted = submitted;
        AlreadyFiled = filed && Application.SubmittedAt is not null;
        Done = done switch
        {
            "answer" => PortalText.Pick("Ihre Antwort ist eingegangen. Vielen Dank!", "Your answer has been received. Thank you!"),
            "message" => PortalText.Pick("Ihre Nachricht ist gesendet.", "Your message has been sent."),
            _ => null,
        };
        return Page();
    }

    /// <summary>Answers the open information request with a message and files (the same command as the API's answer).</summary>
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid requestId, string? message, List<IFormFile> files, CancellationToken cancellationToken)
    {
        PostedText = message;
        var uploads = await PortalApplicant.FilesAsync(files, cancellationToken);

        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["message"] = AnswerLabel, ["files"] = FilesLabel };
        return await PostAsync(id, "answer", labels, () => sender.Send(
            new AnswerInformationRequestCommand(PortalApplicant.From(HttpContext), id, requestId, message ?? "", uploads), cancellationToken), cancellationToken);
    }

    /// <summary>Writes a message to the caseworkers.</summary>
    /// <summary>The provider's hosted page after "pay" was pressed; the page links to it.</summary>
    public Uri? CheckoutUrl { get; private set; }

    /// <summary>Why the payment could not start (the provider did not answer), for the notice.</summary>
    public string? PaymentProblem { get; private set; }

    /// <summary>
    /// Starts, resumes or retries paying the fee (Payments: <see cref="StartFeePaymentCommand"/>); the
    /// page then links to the provider's hosted page. No redirect: the Content-Security-Policy's
    /// <c>form-action 'self'</c> stops a form post from leading to another site.
    /// </summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            CheckoutUrl = (await sender.Send(new StartFeePaymentCommand(id, PortalApplicant.From(HttpContext).Subject), cancellationToken)).CheckoutUrl;
        }
        catch (ConflictException)
        {
            // Paid meanwhile (another tab): the page shows the payment.
        }
        catch (DomainRuleException notOffered)
        {
            PaymentProblem = notOffered.Message;
        }
        catch (ProblemException refused) when (refused.StatusCode >= 500)
        {
            PaymentProblem = PortalText.Pick("Die Bezahlseite ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.", "The payment page cannot be reached right now. Please try again later.");
        }

        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostMessageAsync(Guid id, string? body, CancellationToken cancellationToken)
    {
        PostedText = body;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["body"] = MessageLabel };
        return await PostAsync(id, "message", labels, () => sender.Send(
            new PostApplicationMessageCommand(PortalApplicant.From(HttpContext), id, body ?? ""), cancellationToken), cancellationToken);
    }

    /// <summary>The receipt (Eingangsbestätigung) as issued at submission, as a PDF download.</summary>
    /// <summary>A decision notice (Bescheid) of the application, as issued; someone else's is 404.</summary>
    public async Task<IActionResult> OnGetDecisionNoticeAsync(Guid id, Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = await sender.Send(new GetDecisionNoticeQuery(PortalApplicant.From(HttpContext), id, noticeId), cancellationToken);
        return File(notice.Pdf, "application/pdf", notice.FileName);
    }

    /// <summary>The payment confirmation (Zahlungsbestätigung) of a fee paid after submission, as issued; someone else's is 404.</summary>
    public async Task<IActionResult> OnGetPaymentConfirmationAsync(Guid id, Guid paymentId, CancellationToken cancellationToken)
    {
        var confirmation = await sender.Send(new GetPaymentConfirmationQuery(PortalApplicant.From(HttpContext), id, paymentId), cancellationToken);
        return File(confirmation.Pdf, "application/pdf", confirmation.FileName);
    }

    public async Task<IActionResult> OnGetReceiptAsync(Guid id, CancellationToken cancellationToken)
    {
        var receipt = await sender.Send(new GetReceiptQuery(PortalApplicant.From(HttpContext), id), cancellationToken);
        return File(receipt.Pdf, "application/pdf", receipt.FileName);
    }

    /// <summary>Runs a post and shows the application again; the module's refusals appear at the form's inputs.</summary>
    private async Task<IActionResult> PostAsync<T>(Guid id, string form, IReadOnlyDictionary<string, string> labels, Func<ValueTask<T>> post, CancellationToken cancellationToken)
    {
        _postedForm = form;
        try
        {
            await post();
            return Redirect($"/applications/{id}?done={form}#{form}-title");
        }
        catch (RequestValidationException refused)
        {
            // Files refused by type, size or count are reported per file (files[0]); they belong to the file input.
            var byInput = refused.Errors.GroupBy(e => e.Key.StartsWith("file", StringComparison.Ordinal) ? "files" : e.Key)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
            Errors.Add(form, new RequestValidationException(byInput), labels, form + "-title");
        }
        catch (ConflictException conflict)
        {
            Errors.Add(form + "-title", PortalText.Pick("Nicht möglich", "Not possible"), conflict.Message);
        }

        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Application = await sender.Send(new GetApplicationQuery(PortalApplicant.From(HttpContext), id), cancellationToken);
        if (Application.Status == "Draft")
        {
            // Back from paying before submission: the last step, where the payment and the submit button are.
            return Redirect(Request.Query.ContainsKey("payment") ? $"/applications/{id}/edit?step=999" : $"/applications/{id}/edit");
        }

        Form = (await sender.Send(new GetFormQuery(Application.FormKey, Application.FormVersion), cancellationToken)).Definition;
        FeeCents = FeeRule.Cents(Form.ToContent(), System.Text.Json.Nodes.JsonNode.Parse(Application.Data.GetRawText()) as System.Text.Json.Nodes.JsonObject);
        return null;
    }
}
