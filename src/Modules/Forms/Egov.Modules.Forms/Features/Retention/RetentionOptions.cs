namespace Egov.Modules.Forms.Features.Retention;

/// <summary>The retention job of Forms (configuration section <c>Egov:Retention</c>); the periods per form are in the form definitions.</summary>
internal sealed class RetentionOptions
{
    public const string SectionName = "Egov:Retention";

    /// <summary>Whether this host instance runs the job (default true; any number of instances may).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days after its last change that a never-submitted application (draft, or a draft withdrawn) is deleted (default 30).</summary>
    public int AbandonedDraftDays { get; set; } = 30;

    /// <summary>How often the job looks for due applications (default one hour).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Applications claimed per round (default 50).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds before another instance may take the application (default five minutes).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
}
