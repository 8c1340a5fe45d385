using System.Text.Json;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// What submitting the draft now would refuse, without submitting: the schema check of its data
/// and the required attachment slots, keyed as in the submit's 400 problem (JSON pointers of the
/// fields, <c>attachments/{slot}</c>). Empty when the draft is ready. The portal shows these errors
/// step by step before the citizen submits.
/// </summary>
internal sealed record CheckApplicationDraftQuery(Applicant Applicant, Guid ApplicationId) : IQuery<IReadOnlyDictionary<string, string[]>>;

/// <summary>The submission check of a draft, dry: the same checks as submitting, nothing changes.</summary>
internal sealed class CheckApplicationDraftHandler(FormsDbContext db) : IQueryHandler<CheckApplicationDraftQuery, IReadOnlyDictionary<string, string[]>>
{
    public async ValueTask<IReadOnlyDictionary<string, string[]>> Handle(CheckApplicationDraftQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == query.ApplicationId && a.ApplicantSubject == query.Applicant.Subject, cancellationToken)
            ?? throw new NotFoundException($"You have no application {query.ApplicationId}.");
        var form = await db.FindAsync(application.FormId.ToString(), cancellationToken);
        var version = form.Version(application.FormVersion);

        using var data = JsonDocument.Parse(application.Data);
        var (cleaned, errors) = ApplicationDataChecker.Check(version.Content, data.RootElement, query.Applicant.Language);
        var uploaded = await db.Attachments.Where(a => a.ApplicationId == application.Id).Select(a => a.Slot).ToListAsync(cancellationToken);
        var dataForSlots = cleaned ?? System.Text.Json.Nodes.JsonNode.Parse(application.Data) as System.Text.Json.Nodes.JsonObject;
        foreach (var (key, message) in AttachmentRules.MissingRequired(version.Content, dataForSlots, uploaded, query.Applicant.Language))
        {
            errors[key] = [message];
        }

        return errors;
    }
}
