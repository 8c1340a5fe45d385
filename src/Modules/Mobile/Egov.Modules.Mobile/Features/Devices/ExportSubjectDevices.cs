using System.Text.Json.Nodes;
using Egov.Modules.Mobile.Contracts;
using Egov.Modules.Mobile.Persistence;
using Egov.SharedKernel.DataProtection;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>Mobile's part of the subject access export: the devices registered under the person's account, with their topics.</summary>
internal sealed class ExportSubjectDevicesHandler(MobileDbContext db) : IQueryHandler<ExportSubjectDevicesQuery, SubjectData>
{
    public async ValueTask<SubjectData> Handle(ExportSubjectDevicesQuery query, CancellationToken cancellationToken)
    {
        var devices = await db.Devices.AsNoTracking().Where(d => d.Subject == query.Subject).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var entries = new JsonArray();
        foreach (var d in devices)
        {
            entries.Add(new JsonObject
            {
                ["id"] = d.Id,
                ["platform"] = d.Platform.ToString(),
                ["endpoint"] = d.Endpoint,
                ["language"] = d.Language,
                ["appVersion"] = d.AppVersion,
                ["alertThreshold"] = d.AlertThreshold?.ToString(),
                ["categories"] = new JsonArray([.. d.Categories.Select(c => (JsonNode)JsonValue.Create(c))]),
                ["regions"] = new JsonArray([.. d.Regions.Select(r => (JsonNode)JsonValue.Create(r))]),
                ["createdAt"] = d.CreatedAt,
                ["updatedAt"] = d.UpdatedAt,
            });
        }

        return new SubjectData("mobile", new JsonObject { ["devices"] = entries }, []);
    }
}
