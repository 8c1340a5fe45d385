using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Domain;

/// <summary>
/// The four-eyes principle of the press office: what goes out in the city's name (official notices, alerts,
/// crisis templates) is approved by an Approver other than the one who wrote it.
/// </summary>
internal static class FourEyes
{
    /// <summary>Refuses an approval by the author of what is approved.</summary>
    /// <param name="approver">Who approves.</param>
    /// <param name="authorSubject">Subject of who wrote it (for a template: of its current revision).</param>
    /// <param name="what">What it is, e.g. "announcement", "template".</param>
    /// <exception cref="ForbiddenException">The approver wrote it.</exception>
    public static void EnsureNotAuthor(ContentActor approver, string authorSubject, string what)
    {
        if (approver.Subject == authorSubject)
        {
            throw new ForbiddenException($"You wrote this {what}; another Approver must approve it (four-eyes principle).");
        }
    }
}
