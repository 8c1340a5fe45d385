using Egov.Modules.Announcements.Domain;
using Egov.SharedKernel.Time;

namespace Egov.Modules.Announcements.Features.Reading;

/// <summary>An announcement as listed: compact, for the mobile app and feeds.</summary>
/// <param name="Id">Announcement id.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Kind">News, OfficialNotice, Event or Alert.</param>
/// <param name="Language">Language of title and summary.</param>
/// <param name="Title">Title.</param>
/// <param name="Summary">Plain-text summary.</param>
/// <param name="Categories">Category codes.</param>
/// <param name="PublishedAt">When it became public (UTC).</param>
/// <param name="UpdatedAt">When it was last corrected (UTC), or null: the "updated" mark.</param>
/// <param name="Severity">Alerts: CAP severity.</param>
internal sealed record AnnouncementSummary(
    Guid Id, string Slug, string Kind, string Language, string Title, string Summary, IReadOnlyList<string> Categories,
    DateTimeOffset PublishedAt, DateTimeOffset? UpdatedAt, string? Severity);

/// <summary>A public announcement in one language, with sanitised HTML.</summary>
/// <param name="Id">Announcement id.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Kind">News, OfficialNotice, Event or Alert.</param>
/// <param name="Status">Published or Expired.</param>
/// <param name="Language">Language shown.</param>
/// <param name="Languages">Languages available.</param>
/// <param name="Title">Title.</param>
/// <param name="Summary">Summary.</param>
/// <param name="BodyHtml">Body as sanitised HTML.</param>
/// <param name="Categories">Category codes.</param>
/// <param name="Images">Images with alt text.</param>
/// <param name="Links">Links.</param>
/// <param name="PublishedAt">UTC.</param>
/// <param name="Revision">1, 2, …; above 1 it was corrected.</param>
/// <param name="UpdatedAt">When last corrected (UTC).</param>
/// <param name="CorrectionNote">What the correction changed.</param>
/// <param name="LegalEffectDate">Official notices: the date of legal effect.</param>
/// <param name="Event">Events: start/end (UTC and Europe/Berlin) and place.</param>
/// <param name="Alert">Alerts: the CAP content.</param>
/// <param name="SupersededBy">Alerts: the later alert that updated or cancelled it.</param>
internal sealed record AnnouncementDetail(
    Guid Id, string Slug, string Kind, string Status, string Language, IReadOnlyList<string> Languages, string Title, string Summary, string BodyHtml,
    IReadOnlyList<string> Categories, IReadOnlyList<AnnouncementImage> Images, IReadOnlyList<AnnouncementLink> Links,
    DateTimeOffset PublishedAt, int Revision, DateTimeOffset? UpdatedAt, string? CorrectionNote,
    DateOnly? LegalEffectDate, EventView? Event, AlertDetails? Alert, Guid? SupersededBy)
{
    public static AnnouncementDetail From(Announcement a, string language)
    {
        var variant = a.Content.In(language);
        return new(
            a.Id, a.Slug, a.Kind.ToString(), a.Status.ToString(), variant.Language, a.Languages, variant.Title, variant.Summary, variant.BodyHtml,
            a.Categories, a.Content.Images, a.Content.Links, a.PublishedAt!.Value, a.Revision, a.CorrectedAt, a.CorrectionNote,
            a.Content.LegalEffectDate,
            a.Content.Event is { } e ? new EventView(e.Start, SharedKernel.Time.CivilTime.ToBerlin(e.Start), e.End, SharedKernel.Time.CivilTime.ToBerlin(e.End), e.Place) : null,
            a.Content.Alert, a.SupersededBy);
    }
}

/// <summary>An event's time in UTC and in Europe/Berlin, and its place.</summary>
internal sealed record EventView(DateTimeOffset Start, DateTimeOffset StartLocal, DateTimeOffset End, DateTimeOffset EndLocal, string Place);
