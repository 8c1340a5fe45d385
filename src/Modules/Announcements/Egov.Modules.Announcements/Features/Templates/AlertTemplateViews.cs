using System.Text.Json.Serialization;
using Egov.Modules.Announcements.Domain;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>A crisis template as staff see it; <see cref="ETag"/> goes into <c>If-Match</c> of an edit or approval.</summary>
/// <param name="Id">The template's id.</param>
/// <param name="Name">Its short name.</param>
/// <param name="Revision">The current revision (1, 2, …; every edit adds one).</param>
/// <param name="AuthorName">Who wrote the current revision.</param>
/// <param name="Approved">Whether the current revision may be issued.</param>
/// <param name="ApprovedByName">The Approver of the current revision, if any.</param>
/// <param name="ApprovedAt">When it was approved (UTC).</param>
/// <param name="Placeholders">The placeholders its texts use: the values an issue needs.</param>
/// <param name="Content">Texts, channels and CAP fields.</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
/// <param name="ETag">Entity tag for <c>If-Match</c> (sent as a header, not in the body).</param>
internal sealed record AlertTemplateView(
    Guid Id, string Name, int Revision, string AuthorName, bool Approved, string? ApprovedByName, DateTimeOffset? ApprovedAt,
    IReadOnlyList<string> Placeholders, AlertTemplateContent Content, DateTimeOffset UpdatedAt, [property: JsonIgnore] string ETag)
{
    public static AlertTemplateView From(AlertTemplate t) => new(
        t.Id, t.Name, t.Revision, t.AuthorName, t.ApprovedAt is not null, t.ApprovedByName, t.ApprovedAt,
        PlaceholdersOf(t.Content), t.Content, t.UpdatedAt, $"\"{t.Version}\"");

    /// <summary>Every placeholder used anywhere in the template's texts and area, in order of first use.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(AlertTemplateContent content) =>
        [.. content.Variants.SelectMany(v => new[] { v.Title, v.Text, v.Instruction })
            .Append(content.Cap.AreaDescription)
            .SelectMany(TemplatePlaceholders.In)
            .Distinct(StringComparer.Ordinal)];
}

/// <summary>The alert issued from a template and the record of the issue.</summary>
/// <param name="AlertId">The alert (an announcement of kind Alert, published, break-glass).</param>
/// <param name="Slug">Its public address name.</param>
/// <param name="Title">Its German title, placeholders filled.</param>
/// <param name="TemplateId">The template it was issued from.</param>
/// <param name="TemplateRevision">The template revision it was made from.</param>
/// <param name="IssuedByName">Who issued it.</param>
/// <param name="IssuedAt">When (UTC).</param>
/// <param name="Expires">When it stops being in force (UTC).</param>
/// <param name="BreakGlass">True: it went out without a per-alert approval and awaits an Approver's review.</param>
internal sealed record AlertTemplateIssueView(
    Guid AlertId, string Slug, string Title, Guid TemplateId, int TemplateRevision, string IssuedByName, DateTimeOffset IssuedAt, DateTimeOffset Expires, bool BreakGlass);
