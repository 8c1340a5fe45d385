namespace Egov.Modules.Mobile.Features.Push;

/// <summary>The <see cref="PushContent.Type"/> values.</summary>
internal static class PushTypes
{
    public const string Alert = "alert";

    public const string AlertCancelled = "alert-cancelled";

    public const string Announcement = "announcement";

    public const string ApplicationStatus = "application-status";
}
