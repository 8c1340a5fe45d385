using Egov.SharedKernel.DataProtection;
using Mediator;

namespace Egov.Modules.Mobile.Contracts;

/// <summary>
/// Cross-module query (GDPR Art. 15): the device registrations linked to the person's account
/// (<paramref name="Subject"/>, OIDC <c>sub</c>) with their topics. Devices registered without an
/// account cannot be linked to a person and are not part of it.
/// </summary>
public sealed record ExportSubjectDevicesQuery(string Subject) : IQuery<SubjectData>;
