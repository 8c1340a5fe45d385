using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Engines.JsonForms;
using Egov.Modules.Forms.Features.Applications;
using Egov.Modules.Forms.Features.Catalog;
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
/// Filing a draft step by step at <c>/applications/{id}/edit?step=n</c>: each step posts its fields,
/// which are saved into the draft (so the citizen can leave and resume); "next" runs the server's
/// submission check and stops on the step's own errors; a section that appears because of the
/// answers keeps the citizen on the step. The last step takes the attachments and submits.
/// </summary>
[Authorize(Policy = EgovPolicies.FileApplications)]
internal sealed class EditApplicationModel(ISender sender) : PageModel
{
    public ApplicationResponse Application { get; private set; } = null!;

    public FormDocument Form { get; private set; } = null!;

    public FormRenderer Renderer { get; private set; } = null!;

    public int StepIndex { get; private set; }

    /// <summary>The step's fields, or null on the last step (attachments and submission).</summary>
    public FormStep? Step { get; private set; }

    /// <summary>Errors to show, keyed by field pointer or <c>attachments/{slot}</c>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Notice { get; private set; }

    public bool IsLastStep => StepIndex == Renderer.StepCount;

    /// <summary>The fee for the data as saved, in euro cents, when the form version asks for payment before submission; 0 otherwise.</summary>
    public long FeeBeforeSubmissionCents { get; private set; }

    /// <summary>The live payment of the fee paid before submission (Payments), or null.</summary>
    public FeePaymentStatus? Payment { get; private set; }

    /// <summary>Whether the fee paid before submission is paid for the data as saved: the submit button is offered.</summary>
    public bool MaySubmit => FeeBeforeSubmissionCents == 0 || (Payment is { State: PaymentStates.Paid } paid && paid.AmountCents == FeeBeforeSubmissionCents);

    /// <summary>The provider's hosted page after "pay" was pressed; the page links to it.</summary>
    public Uri? CheckoutUrl { get; private set; }

    /// <summary>Why the payment could not start, for the notice.</summary>
    public string? PaymentProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int step, bool check, bool saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, step, cancellationToken) is { } done)
        {
            return done;
        }

        if (check)
        {
            await CheckAsync(cancellationToken);
        }

        Notice = saved ? PortalText.Pick("Ihr Entwurf ist gespeichert. Sie können später weitermachen.", "Your draft is saved. You can continue later.") : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int step, string? move, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, step, cancellationToken) is { } done)
        {
            return done;
        }

        if (Step is null)
        {
            return RedirectToStep(StepIndex);
        }

        var before = Step;
        var data = FormRenderer.Apply(Data(), before, Request.Form);
        Application = await sender.Send(new SaveApplicationDraftCommand(PortalApplicant.From(HttpContext), id, JsonSerializer.SerializeToElement(data)), cancellationToken);
        Step = Renderer.Step(StepIndex, Data());

        if (move == "back")
        {
            return RedirectToStep(Math.Max(0, StepIndex - 1));
        }

        if (move == "save")
        {
            return Redirect($"/applications/{id}/edit?step={StepIndex}&saved=true");
        }

        if (!Step.Controls.Select(c => c.Pointer).SequenceEqual(before.Controls.Select(c => c.Pointer)))
        {
            // No JavaScript needed: the answers changed which questions apply, so the citizen sees them first.
            Notice = PortalText.Pick(
                "Ihre Angaben sind gespeichert. Durch Ihre Antworten haben sich die Fragen dieses Schritts geändert – bitte prüfen Sie sie.",
                "Your answers are saved. They changed the questions of this step – please check them.");
            return Page();
        }

        await CheckAsync(cancellationToken);
        return Errors.Count > 0 ? Page() : RedirectToStep(StepIndex + 1);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, string slot, List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, int.MaxValue, cancellationToken) is { } done)
        {
            return done;
        }

        var uploads = await PortalApplicant.FilesAsync(files, cancellationToken);

        try
        {
            await sender.Send(new UploadAttachmentsCommand(PortalApplicant.From(HttpContext), id, slot, uploads), cancellationToken);
        }
        catch (RequestValidationException refused)
        {
            // The module's own refusal (type, size, count): shown at the slot's file input.
            Errors = new Dictionary<string, string[]> { [$"attachments/{slot}"] = [.. refused.Errors.Values.SelectMany(m => m)] };
            return Page();
        }

        return RedirectToStep(StepIndex);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteAttachmentCommand(PortalApplicant.From(HttpContext), id, attachmentId), cancellationToken);
        return Redirect($"/applications/{id}/edit?step=999");
    }

    /// <summary>
    /// The payment step before submission: starts, resumes or retries paying the fee for the data as
    /// saved (Payments: <see cref="StartFeePaymentCommand"/>); the page then links to the provider's
    /// hosted page (the Content-Security-Policy's <c>form-action 'self'</c> forbids redirecting a post there).
    /// </summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, int.MaxValue, cancellationToken) is { } done)
        {
            return done;
        }

        try
        {
            CheckoutUrl = (await sender.Send(new StartFeePaymentCommand(id, PortalApplicant.From(HttpContext).Subject), cancellationToken)).CheckoutUrl;
        }
        catch (ConflictException)
        {
            // Paid meanwhile (another tab): the page shows it.
        }
        catch (DomainRuleException refused)
        {
            PaymentProblem = refused.Message;
        }
        catch (ProblemException refused) when (refused.StatusCode >= 500)
        {
            PaymentProblem = PortalText.Pick("Die Bezahlseite ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.", "The payment page cannot be reached right now. Please try again later.");
        }

        Payment = await sender.Send(new GetFeePaymentQuery(id), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, int.MaxValue, cancellationToken) is { } done)
        {
            // Submitted meanwhile, e.g. in another tab: say that it is filed, not that something failed.
            return Application.SubmittedAt is null ? done : Filed(id);
        }

        await CheckAsync(cancellationToken);
        if (Errors.Count > 0)
        {
            return Page();
        }

        if (!MaySubmit)
        {
            PaymentProblem = PortalText.Pick("Bitte bezahlen Sie zuerst die Gebühr.", "Please pay the fee first.");
            return Page();
        }

        try
        {
            await sender.Send(new SubmitApplicationCommand(PortalApplicant.From(HttpContext), id, idempotencyKey), cancellationToken);
        }
        catch (ConflictException)
        {
            // The other tab may have won the race between our check and this submit.
            if ((await sender.Send(new GetApplicationQuery(PortalApplicant.From(HttpContext), id), cancellationToken)).SubmittedAt is not null)
            {
                return Filed(id);
            }

            throw;
        }

        return Redirect($"/applications/{id}?submitted=true");
    }

    private RedirectResult Filed(Guid id) => Redirect($"/applications/{id}?filed=true");

    /// <summary>Where an error's field is: its step and the input's id.</summary>
    public string ErrorLink(string key)
    {
        if (key.StartsWith("attachments/", StringComparison.Ordinal))
        {
            return $"/applications/{Application.Id}/edit?step={Renderer.StepCount}&check=true#slot-{key["attachments/".Length..]}";
        }

        var step = Renderer.StepOf(key) ?? StepIndex;
        var anchor = Step?.Controls.FirstOrDefault(c => c.Pointer == key) is { } control
            ? FirstInputId(control)
            : FormRenderer.IdOf(key);
        return step == StepIndex ? $"#{anchor}" : $"/applications/{Application.Id}/edit?step={step}&check=true#{anchor}";
    }

    public string ErrorLabel(string key) =>
        key.StartsWith("attachments/", StringComparison.Ordinal)
            ? Form.AttachmentSlots.FirstOrDefault(s => s.Name == key["attachments/".Length..])?.Label.In(PortalText.Language) ?? key
            : Renderer.LabelOf(key) ?? key;

    public static string FirstInputId(ControlNode control) =>
        control.Kind == ControlKind.Radio ? control.Id + "-0" : control.Id;

    /// <summary>Whether a slot must hold a file for the data as saved: required, and its condition (if any) holds.</summary>
    public bool IsRequired(AttachmentSlot slot) =>
        slot.Required && (slot.RequiredWhen is not { } condition
            || (JsonFormsData.FindPointer(Data(), condition.Pointer) is { } value && JsonNode.DeepEquals(value, JsonNode.Parse(condition.Const.GetRawText()))));

    private async Task<IActionResult?> LoadAsync(Guid id, int step, CancellationToken cancellationToken)
    {
        Application = await sender.Send(new GetApplicationQuery(PortalApplicant.From(HttpContext), id), cancellationToken);
        if (Application.Status != nameof(ApplicationStatus.Draft))
        {
            return Redirect($"/applications/{id}");
        }

        Form = (await sender.Send(new GetFormQuery(Application.FormKey, Application.FormVersion), cancellationToken)).Definition;
        Renderer = new FormRenderer(Form.Schema, Form.UiLayout, Form.Translations, PortalText.Language);
        StepIndex = Math.Clamp(step, 0, Renderer.StepCount);
        Step = IsLastStep ? null : Renderer.Step(StepIndex, Data());
        var content = Form.ToContent();
        if (IsLastStep && content.FeePayment == FeePayment.BeforeSubmission)
        {
            FeeBeforeSubmissionCents = FeeRule.Cents(content, Data());
            Payment = FeeBeforeSubmissionCents > 0 ? await sender.Send(new GetFeePaymentQuery(id), cancellationToken) : null;
        }

        return null;
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var all = await sender.Send(new CheckApplicationDraftQuery(PortalApplicant.From(HttpContext), Application.Id), cancellationToken);
        if (Step is null)
        {
            Errors = all;
            return;
        }

        // On a step only its own visible fields count; later steps are checked when the citizen gets there.
        var pointers = Step.Controls.Select(c => c.Pointer).ToHashSet(StringComparer.Ordinal);
        Errors = all.Where(e => pointers.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private JsonObject Data() =>
        JsonNode.Parse(Application.Data.GetRawText()) as JsonObject ?? [];

    private RedirectResult RedirectToStep(int step) => Redirect($"/applications/{Application.Id}/edit?step={step}");
}
