using Egov.Modules.Announcements.Persistence;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Persistence;
using Egov.Modules.Outreach.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.IntegrationTests.Robustness;

/// <summary>
/// The invariants that hostile traffic must not break, checked across the modules' databases: every
/// filed application has its reference number and its receipt (with the same reference), and no row
/// points at a parent that is gone (attachments, messages, requests, history, receipts, post variants,
/// media, deliveries, guideline acknowledgements, announcement revisions).
/// </summary>
internal static class DatabaseConsistency
{
    /// <summary>One line per broken invariant (with the ids of up to five offending rows); empty when all hold.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IServiceProvider services)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = services.CreateAsyncScope();
        var forms = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
        var outreach = scope.ServiceProvider.GetRequiredService<OutreachDbContext>();
        var announcements = scope.ServiceProvider.GetRequiredService<AnnouncementsDbContext>();
        var problems = new List<string>();

        async Task Check<T>(string invariant, IQueryable<T> offenders)
        {
            var found = await offenders.Take(5).ToListAsync(ct);
            if (found.Count > 0)
            {
                problems.Add($"{invariant}: {string.Join(", ", found)}");
            }
        }

        var applications = forms.Applications.AsNoTracking();
        await Check("filed application without reference number or receipt", applications
            .Where(a => a.SubmittedAt != null || (a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn))
            .Where(a => a.SubmittedAt == null || a.ReferenceNumber == null || !forms.Receipts.Any(r => r.ApplicationId == a.Id && r.ReferenceNumber == a.ReferenceNumber))
            .Select(a => a.Id));
        await Check("receipt of a draft", forms.Receipts.Where(r => !applications.Any(a => a.Id == r.ApplicationId && a.SubmittedAt != null)).Select(r => r.ApplicationId));
        await Check("application of an unknown form version", applications
            .Where(a => !forms.FormVersions.Any(v => v.FormDefinitionId == a.FormId && v.Number == a.FormVersion)).Select(a => a.Id));
        await Check("attachment without application", forms.Attachments.Where(x => !applications.Any(a => a.Id == x.ApplicationId)).Select(x => x.Id));
        await Check("message without application", forms.CaseMessages.Where(x => !applications.Any(a => a.Id == x.ApplicationId)).Select(x => x.Id));
        await Check("information request without application", forms.InformationRequests.Where(x => !applications.Any(a => a.Id == x.ApplicationId)).Select(x => x.Id));
        await Check("case history without application", forms.CaseHistory.Where(x => !applications.Any(a => a.Id == x.ApplicationId)).Select(x => x.ApplicationId));

        var posts = outreach.Posts.AsNoTracking();
        await Check("post variant without post or channel", outreach.PostVariants
            .Where(v => !posts.Any(p => p.Id == v.PostId) || !outreach.Channels.Any(c => c.Id == v.ChannelId)).Select(v => v.Id));
        await Check("post media without post", outreach.PostMedia.Where(m => !posts.Any(p => p.Id == m.PostId)).Select(m => m.Id));
        await Check("delivery without post, variant or channel", outreach.Deliveries
            .Where(d => !posts.Any(p => p.Id == d.PostId) || !outreach.PostVariants.Any(v => v.Id == d.VariantId) || !outreach.Channels.Any(c => c.Id == d.ChannelId))
            .Select(d => d.Id));
        await Check("acknowledgement of an unknown guideline", outreach.GuidelineAcknowledgements
            .Where(a => !outreach.Guidelines.Any(g => g.Version == a.GuidelineVersion)).Select(a => a.GuidelineVersion));

        await Check("announcement revision without announcement", announcements.AnnouncementRevisions
            .Where(r => !announcements.Announcements.Any(a => a.Id == r.AnnouncementId)).Select(r => r.Id));
        return problems;
    }
}
