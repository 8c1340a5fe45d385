using System.Globalization;
using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Pages.Staff.Announcements;

/// <summary>
/// The editor at <c>/staff/announcements/new</c> and <c>/staff/announcements/{id}</c>: German text
/// (and optional English), categories, the kind's own facts, a server-side preview of the Markdown,
/// and the workflow buttons the user's roles allow (approve, publish now, schedule, archive). Every
/// change goes through the same commands as the editorial API, with the version read as If-Match.
/// Alerts have their own form (<c>/staff/alerts</c>).
/// </summary>
[Authorize(Policy = EgovPolicies.Staff)]
internal sealed class AnnouncementEditorModel(ISender sender, IOptions<AnnouncementOptions> options) : StaffFormModel
{
    /// <summary>The kinds written here (alerts have their own form).</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [AnnouncementKinds.News, AnnouncementKinds.OfficialNotice, AnnouncementKinds.Event];

    [BindProperty]
    public AnnouncementForm Form { get; set; } = new();

    /// <summary>Sanitised HTML of the German and English bodies, when "Preview" was pressed.</summary>
    public (string German, string? English)? Preview { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyDictionary<string, string> Categories => options.Value.EffectiveCategories;

    public bool IsNew => Existing is null;

    public string Kind => Existing?.Kind ?? Form.Kind ?? AnnouncementKinds.News;

    public bool IsPublished => Existing?.Status == nameof(AnnouncementStatus.Published);

    private bool Open => Existing is { Status: nameof(AnnouncementStatus.Draft) or nameof(AnnouncementStatus.Scheduled) };

    private bool NeedsApprovalNow => Existing is { NeedsApproval: true, ApprovedAt: null };

    /// <summary>Editors write; the press office corrects a published official notice.</summary>
    public bool MaySave => IsNew ? Actor.IsEditor
        : (Open || IsPublished) && (Actor.IsEditor || (IsPublished && Existing!.NeedsApproval && Actor.IsApprover));

    /// <summary>An Approver approves what someone else wrote (four eyes).</summary>
    public bool MayApprove => Open && NeedsApprovalNow && Actor.IsApprover && Existing!.AuthorName != Actor.Name;

    public bool MayRelease => Open && !NeedsApprovalNow && (Actor.IsEditor || Actor.IsApprover);

    public bool AwaitsApproval => Open && NeedsApprovalNow;

    public bool MayArchive => Existing is not null && Existing.Status != nameof(AnnouncementStatus.Archived) && (Actor.IsEditor || Actor.IsApprover);

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        if (Existing is not null)
        {
            FillFrom(Existing);
        }

        Notice = saved ? PortalText.Pick("Gespeichert.", "Saved.") : null;
        return Page();
    }

    /// <summary>"Preview" renders the Markdown with the module's sanitiser; "Save" writes the draft (or the correction).</summary>
    public async Task<IActionResult> OnPostAsync(string id, string? intent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        if (intent == "preview")
        {
            Preview = (MarkdownRenderer.ToSafeHtml(Form.BodyDe ?? ""), Form.HasEnglish ? MarkdownRenderer.ToSafeHtml(Form.BodyEn ?? "") : null);
            return Page();
        }

        if (ToInput() is not { } input)
        {
            return Page();
        }

        AnnouncementEditorView? view = null;
        var done = await TryAsync(
            async () => view = Existing is null
                ? await sender.Send(new CreateAnnouncementCommand(Actor, input), cancellationToken)
                : await sender.Send(new UpdateAnnouncementCommand(Actor, Existing.Id, Version, input, IsPublished ? Form.CorrectionNote : null), cancellationToken),
            InputOf);
        return done ? Redirect($"/staff/announcements/{view!.Id}?saved=true") : Page();
    }

    public Task<IActionResult> OnPostApproveAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, a => new ApproveAnnouncementCommand(Actor, a.Id, Version), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, a => new PublishAnnouncementCommand(Actor, a.Id, Version, null), cancellationToken);

    public Task<IActionResult> OnPostScheduleAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, a => new ScheduleAnnouncementCommand(Actor, a.Id, Version, LocalTime(Form.PublishDate, Form.PublishTime) ?? "", null), cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, a => new ArchiveAnnouncementCommand(Actor, a.Id, Version), cancellationToken);

    public override string LabelOf(string inputId) => inputId switch
    {
        "kind" => PortalText.Pick("Art", "Kind"),
        "title-de" => PortalText.Pick("Titel (Deutsch)", "Title (German)"),
        "summary-de" => PortalText.Pick("Zusammenfassung (Deutsch)", "Summary (German)"),
        "body-de" => PortalText.Pick("Text (Deutsch)", "Text (German)"),
        "title-en" => PortalText.Pick("Titel (Englisch)", "Title (English)"),
        "summary-en" => PortalText.Pick("Zusammenfassung (Englisch)", "Summary (English)"),
        "body-en" => PortalText.Pick("Text (Englisch)", "Text (English)"),
        "categories" => PortalText.Pick("Kategorien", "Categories"),
        "legal-effect-date" => PortalText.Pick("Rechtswirksam ab", "Legally effective from"),
        "event-start-date" => PortalText.Pick("Beginn", "Start"),
        "event-end-date" => PortalText.Pick("Ende", "End"),
        "event-place" => PortalText.Pick("Ort", "Place"),
        "correction-note" => PortalText.Pick("Korrekturhinweis", "Correction note"),
        "publish-date" => PortalText.Pick("Veröffentlichen am", "Publish on"),
        _ => inputId,
    };

    protected override bool ForAlerts => false;

    private int? Version => ParseVersion(Form.Version);

    /// <summary>A workflow step on the stored announcement; the form shows the stored content again.</summary>
    private async Task<IActionResult> ActAsync<TCommand>(string id, Func<AnnouncementEditorView, TCommand> command, CancellationToken cancellationToken)
        where TCommand : ICommand<AnnouncementEditorView>
    {
        if (await LoadAsync(sender, id, cancellationToken) is { } other)
        {
            return other;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        var posted = (Form.Version, Form.PublishDate, Form.PublishTime);
        FillFrom(Existing);
        (Form.Version, Form.PublishDate, Form.PublishTime) = posted;
        var done = await TryAsync(async () => await sender.Send(command(Existing), cancellationToken), InputOf);
        return done ? Redirect($"/staff/announcements/{Existing.Id}?saved=true") : Page();
    }

    private void FillFrom(AnnouncementEditorView view)
    {
        var content = view.Content;
        var german = content.German;
        var english = content.Variants.FirstOrDefault(v => v.Language == AnnouncementLanguages.English);
        Form = new AnnouncementForm
        {
            Kind = view.Kind,
            TitleDe = german.Title,
            SummaryDe = german.Summary,
            BodyDe = german.BodyMarkdown,
            TitleEn = english?.Title,
            SummaryEn = english?.Summary,
            BodyEn = english?.BodyMarkdown,
            Categories = [.. view.Categories],
            LegalEffectDate = content.LegalEffectDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EventPlace = content.Event?.Place,
            Version = VersionOf(view),
        };
        if (content.Event is { } e)
        {
            (Form.EventStartDate, Form.EventStartTime) = DateAndTime(e.Start);
            (Form.EventEndDate, Form.EventEndTime) = DateAndTime(e.End);
        }

        if (view.PublishAt is { } publishAt)
        {
            (Form.PublishDate, Form.PublishTime) = DateAndTime(publishAt);
        }
    }

    /// <summary>The form as the module's input; null (with a field error) when the date of legal effect is no date.</summary>
    private AnnouncementInput? ToInput()
    {
        var kind = Existing?.Kind ?? Form.Kind ?? "";
        DateOnly? legalEffect = null;
        if (kind == AnnouncementKinds.OfficialNotice && !string.IsNullOrWhiteSpace(Form.LegalEffectDate))
        {
            if (!DateOnly.TryParseExact(Form.LegalEffectDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                AddFieldError("legal-effect-date", PortalText.Pick("Bitte ein Datum wie 2027-01-01 angeben.", "Enter a date like 2027-01-01."));
                return null;
            }

            legalEffect = date;
        }

        List<VariantInput> variants = [new("de", Form.TitleDe?.Trim() ?? "", Form.SummaryDe, Form.BodyDe)];
        if (Form.HasEnglish)
        {
            variants.Add(new VariantInput("en", Form.TitleEn?.Trim() ?? "", Form.SummaryEn, Form.BodyEn));
        }

        var ev = kind == AnnouncementKinds.Event
            ? new EventInput(LocalTime(Form.EventStartDate, Form.EventStartTime) ?? "", LocalTime(Form.EventEndDate, Form.EventEndTime) ?? "", Form.EventPlace ?? "")
            : null;
        return new AnnouncementInput(kind, null, variants, Form.Categories, null, null, legalEffect, ev, null);
    }

    /// <summary>The input that shows a field error of the module (<c>variants[1].title</c> → <c>title-en</c>).</summary>
    private static string? InputOf(string name)
    {
        if (name.StartsWith("variants[", StringComparison.Ordinal))
        {
            var language = name.StartsWith("variants[1]", StringComparison.Ordinal) ? "en" : "de";
            var part = name[(name.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart('.');
            return part is "title" or "summary" or "body" ? $"{part}-{language}" : $"title-{language}";
        }

        return name switch
        {
            "variants" => "title-de",
            "kind" => "kind",
            "legalEffectDate" => "legal-effect-date",
            "event" or "event.start" => "event-start-date",
            "event.end" => "event-end-date",
            "event.place" => "event-place",
            "correctionNote" => "correction-note",
            "publishAt" => "publish-date",
            _ when name.StartsWith("categories", StringComparison.Ordinal) => "categories",
            _ => null,
        };
    }
}
