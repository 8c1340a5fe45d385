namespace Egov.Modules.Mobile.Domain.Push;

/// <summary>Who a <see cref="PushJob"/> goes to.</summary>
internal enum PushAudienceKind
{
    /// <summary>Devices whose alert threshold the job's severity reaches and whose regions overlap the alert's area.</summary>
    Alert,

    /// <summary>Devices subscribed to one of the job's announcement categories.</summary>
    Category,

    /// <summary>The devices linked to one citizen (the applicant).</summary>
    Subject,
}
