namespace Egov.Modules.Announcements.Domain;

/// <summary>Publication workflow state of an announcement.</summary>
internal enum AnnouncementStatus
{
    Draft,
    Scheduled,
    Published,
    Expired,
    Archived,
}
