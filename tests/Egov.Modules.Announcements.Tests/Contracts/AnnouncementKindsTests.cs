using Egov.Modules.Announcements.Contracts;
using Egov.Modules.Announcements.Domain;

namespace Egov.Modules.Announcements.Tests.Contracts;

/// <summary>
/// The kind constants other modules filter on (<c>AnnouncementKinds.Alert</c>) are the strings the module
/// writes: <c>AnnouncementKind.ToString()</c> in the published event and the JSON API. A renamed enum
/// member would otherwise silently stop Outreach's filters from matching.
/// </summary>
public sealed class AnnouncementKindsTests
{
    [Fact]
    public void All_WhenComparedWithTheDomainKinds_SpellsEachKindAsTheModuleWritesIt() =>
        Assert.Equal(Enum.GetValues<AnnouncementKind>().Select(k => k.ToString()), AnnouncementKinds.All);
}
