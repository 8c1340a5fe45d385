using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Domain;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>
/// Everything a status mail may say, and deliberately nothing more: no name, no form data, no
/// reason of a rejection, no message text of a caseworker. Those may be sensitive and are read in
/// the citizen's account, behind a login, instead of travelling through mail servers.
/// </summary>
/// <param name="RecipientAddress">The applicant's bare e-mail address (<c>erika@example.org</c>, no display name).</param>
/// <param name="Language">The applicant's language: <c>en</c> (or <c>en-…</c>) for English; anything else, null included, is German.</param>
/// <param name="ReferenceNumber">The reference number (Aktenzeichen), e.g. <c>EGOV-2026-000042</c>.</param>
/// <param name="FormTitle">The form's title in German and (optionally) English, as in the form version the application was filed against.</param>
/// <param name="Status">The new status: one of <see cref="ApplicationStatuses"/> for which <see cref="ApplicationStatusNotifications.NotifiesApplicant"/> is true.</param>
/// <param name="AnswerDueBy">
/// For <see cref="ApplicationStatuses.InformationRequested"/>: the last day to answer, a calendar
/// date in the city's time zone (Europe/Berlin), shown as is. Optional; ignored for other statuses.
/// </param>
/// <param name="ApplicationLink">Absolute <c>https</c> (or <c>http</c>) address of the application in the citizen portal; opening it asks the citizen to sign in.</param>
internal sealed record StatusMailInput(
    string RecipientAddress,
    string? Language,
    string ReferenceNumber,
    LocalizedText FormTitle,
    string Status,
    DateOnly? AnswerDueBy,
    Uri ApplicationLink);
