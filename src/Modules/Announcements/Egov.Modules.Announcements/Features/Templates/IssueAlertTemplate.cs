using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Markdown;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>Issues an alert from the approved template with the placeholder values (CrisisManager).</summary>
internal sealed record IssueAlertTemplateCommand(ContentActor Actor, Guid Id, IssueAlertTemplateRequest? Request) : ICommand<AlertTemplateIssueView>;

/// <summary>
/// Issues an alert in a crisis by filling the approved template's placeholders only. The alert goes out at once as a
/// break-glass alert of the issuer (fanned out like any alert issued; reviewed afterwards), and the issue is recorded
/// with the template revision and values.
/// </summary>
internal sealed class IssueAlertTemplateHandler(AnnouncementsDbContext db, IOptions<AnnouncementOptions> options, TimeProvider time)
    : ICommandHandler<IssueAlertTemplateCommand, AlertTemplateIssueView>
{
    public async ValueTask<AlertTemplateIssueView> Handle(IssueAlertTemplateCommand command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsCrisisManager)
        {
            throw new ForbiddenException("Issuing an alert from a template needs the CrisisManager role.");
        }

        var template = await db.AlertTemplates.FirstOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no crisis template {command.Id}.");
        template.EnsureApproved();
        var values = Values(template.Content, command.Request?.Values);
        var now = time.GetUtcNow();
        var content = Fill(template.Content, values, now);
        var slug = $"{AnnouncementContentFactory.Slugify(content.German.Title)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8]}";
        var categories = options.Value.EffectiveCategories.ContainsKey("warnings") ? new[] { "warnings" } : [];
        var alert = Announcement.CreateDraft(AnnouncementKind.Alert, slug, content, categories, command.Actor, now);
        db.Announcements.Add(alert);
        await AlertRules.PublishNowAsync(db, alert, command.Actor, now, cancellationToken);
        db.AlertTemplateIssues.Add(AlertTemplateIssue.Of(template, alert.Id, command.Actor, values, now));
        await db.SaveChangesAsync(cancellationToken);
        return new AlertTemplateIssueView(alert.Id, alert.Slug, alert.Title, template.Id, template.Revision, command.Actor.Name, now, content.Alert!.Expires, alert.BreakGlass);
    }

    /// <summary>The values for exactly the placeholders the template uses.</summary>
    /// <exception cref="RequestValidationException"><c>values.{Name}</c>: missing, empty, too long, with braces or control characters, or not used by the template.</exception>
    private static Dictionary<string, string> Values(AlertTemplateContent content, IReadOnlyDictionary<string, string?>? given)
    {
        var used = AlertTemplateView.PlaceholdersOf(content);
        given ??= new Dictionary<string, string?>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            var text = value?.Trim() ?? "";
            if (!used.Contains(name))
            {
                errors[$"values.{name}"] = [$"The template does not use {{{name}}}; it uses {(used.Count == 0 ? "no placeholders" : string.Join(", ", used.Select(u => "{" + u + "}")))}."];
            }
            else if (text.Length is 0 or > TemplatePlaceholders.MaxValueLength || text.Any(c => char.IsControl(c) || c is '{' or '}'))
            {
                errors[$"values.{name}"] = [$"Give {{{name}}} as 1 to {TemplatePlaceholders.MaxValueLength} characters of plain text, without braces or line breaks."];
            }
            else
            {
                values[name] = text;
            }
        }

        foreach (var name in used.Where(u => !given.ContainsKey(u)))
        {
            errors[$"values.{name}"] = [$"The template uses {{{name}}}: give its value."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        foreach (var variant in content.Variants.Where(v => TemplatePlaceholders.Fill(v.Title, values).Length > 200))
        {
            throw new RequestValidationException("values", $"With these values the {variant.Language} title is longer than 200 characters; shorten the values.");
        }

        return values;
    }

    private AnnouncementContent Fill(AlertTemplateContent template, IReadOnlyDictionary<string, string> values, DateTimeOffset now)
    {
        var variants = template.Variants.Select(v =>
        {
            var text = TemplatePlaceholders.Fill(v.Text, values);
            var body = $"{text}\n\n{TemplatePlaceholders.Fill(v.Instruction, values)}";
            var summary = text.Length <= 1000 ? text : text[..999] + "…";
            return new AnnouncementVariant(v.Language, TemplatePlaceholders.Fill(v.Title, values), summary, body, MarkdownRenderer.ToSafeHtml(body));
        }).ToList();
        var cap = template.Cap;
        var german = template.Variants.First(v => v.Language == AnnouncementLanguages.German);
        var alert = new AlertDetails(
            "Alert", [], cap.Event, cap.Category, cap.Urgency, cap.Severity, cap.Certainty, cap.ResponseType,
            TemplatePlaceholders.Fill(german.Instruction, values), now, now.AddHours(cap.ValidHours), options.Value.AlertSenderName, null, null,
            [new AlertArea(TemplatePlaceholders.Fill(cap.AreaDescription, values), [], [], cap.Geocodes)]);
        return new AnnouncementContent(variants, [], [], null, null, alert);
    }
}
