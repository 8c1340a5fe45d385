using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Mobile.Contracts;

/// <summary>
/// Cross-module query: the processing activity of push messages to the app and web pages (device
/// registrations, topics, the platforms' push services), worded by Mobile for the record of processing
/// activities (Art. 30 GDPR, German).
/// </summary>
public sealed record GetPushProcessingQuery : IQuery<ProcessingActivity>;

/// <summary>
/// Cross-module query: Mobile's section of the privacy notice (Art. 13 GDPR, <c>/datenschutz</c>) in German and
/// English — what subscribing to push messages gives the city, the legal basis (consent), the recipients (the
/// push services) and when a device address is deleted.
/// </summary>
public sealed record GetPushPrivacyNoticeQuery : IQuery<PrivacyNoticeSection>;
