using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Outreach.Features.OfficialChannels;

/// <summary>Outreach's section of the privacy notice (Art. 13 and 26 GDPR): the city's channels on social media, one item per channel of the official register.</summary>
internal sealed class GetChannelsPrivacyNoticeHandler(ISender sender) : IQueryHandler<GetChannelsPrivacyNoticeQuery, PrivacyNoticeSection>
{
    public async ValueTask<PrivacyNoticeSection> Handle(GetChannelsPrivacyNoticeQuery query, CancellationToken cancellationToken)
    {
        var channels = await sender.Send(new ListOfficialChannelRegisterQuery(), cancellationToken);
        return new PrivacyNoticeSection(
            "kanaele",
            new("Kanäle in sozialen Medien", "Social media channels"),
            new(
                "Die Stadt veröffentlicht Meldungen und Warnungen auf den unten genannten Plattformen (Art. 6 Abs. 1 lit. e DSGVO: Information der Öffentlichkeit). Wenn Sie dort ein Konto der Stadt besuchen, verarbeitet auch die Plattform Ihre Daten; für die Seiten ist die Stadt mit der Plattform gemeinsam verantwortlich (Art. 26 DSGVO). Die Stadt liest dort keine Daten über Sie aus und beantwortet Nachrichten nur im Rahmen des Anliegens.",
                "The city publishes news and alerts on the platforms below (Art. 6 (1) e GDPR: informing the public). When you visit a city account there, the platform processes your data too; the city and the platform are joint controllers for these pages (Art. 26 GDPR). The city reads no data about you there and answers messages only for the matter at hand."),
            Items: [.. channels.Select(c => Item($"{c.Name} ({c.RunBy})" + (c.JointControllershipNote is { } note ? " – " + note : "")))],
            WhenEmpty: new("Zurzeit betreibt die Stadt keine Kanäle.", "The city runs no channels at the moment."));
    }

    /// <summary>A channel's entry reads the same in both languages: its name, the unit and the platform's note are not translated.</summary>
    private static BilingualText Item(string text) => new(text, text);
}
