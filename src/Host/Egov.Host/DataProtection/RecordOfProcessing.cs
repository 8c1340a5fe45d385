using Egov.Host.Portal.City;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Outreach.Contracts;
using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Host.DataProtection;

/// <summary>
/// The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 (1) GDPR),
/// generated from what is configured: the controller and its data protection officer
/// (<see cref="CityOptions"/>), one activity per form (<see cref="ListFormProcessingQuery"/>), one per
/// configured channel with its data-protection impact assessment (<see cref="ListChannelProcessingQuery"/>),
/// and the app's push messages (<see cref="GetPushProcessingQuery"/>). Each module words its own activities.
/// </summary>
/// <param name="Controller">The controller (Art. 30 (1) a): the city's official name, representative and contact.</param>
/// <param name="DataProtectionOfficer">Name, e-mail and address of the data protection officer.</param>
/// <param name="Forms">Online applications, one per published form.</param>
/// <param name="Channels">Outreach channels, every configured one.</param>
/// <param name="Push">Push messages to the app and web pages.</param>
internal sealed record RecordOfProcessingResponse(
    string Controller, string DataProtectionOfficer, IReadOnlyList<FormActivity> Forms, IReadOnlyList<ChannelActivity> Channels, ProcessingActivity Push);

/// <summary>The activity of one form: <see cref="ProcessingActivity"/> plus the form's key.</summary>
internal sealed record FormActivity(string FormKey, ProcessingActivity Activity);

/// <summary>The activity of one channel, with its data-protection impact assessment (Art. 35) and joint controllership (Art. 26).</summary>
internal sealed record ChannelActivity(
    string Kind, string ChannelName, bool Enabled, bool DataProtectionAssessed, DateOnly? DataProtectionAssessedOn, string? JointControllershipNote, ProcessingActivity Activity);

internal static class RecordOfProcessing
{
    /// <summary>Asks Forms, Outreach and Mobile for their activities and puts them under the city's controller.</summary>
    public static async Task<RecordOfProcessingResponse> BuildAsync(ISender sender, CityOptions city, CancellationToken cancellationToken)
    {
        var forms = await sender.Send(new ListFormProcessingQuery(), cancellationToken);
        var channels = await sender.Send(new ListChannelProcessingQuery(), cancellationToken);
        var push = await sender.Send(new GetPushProcessingQuery(), cancellationToken);
        return new(
            $"{city.OfficialName}, vertreten durch {city.Representative}; {city.Street}, {city.PostalCode} {city.Locality}; {city.Email}",
            $"{city.DataProtectionOfficer.Name}, {city.DataProtectionOfficer.Email}, {city.DataProtectionOfficer.Address}",
            [.. forms.Select(f => new FormActivity(f.Key, f.Activity))],
            [.. channels.Select(c => new ChannelActivity(c.Kind, c.Name, c.Enabled, c.DataProtectionAssessed, c.DataProtectionAssessedOn, c.JointControllershipNote, c.Activity))],
            push);
    }
}
