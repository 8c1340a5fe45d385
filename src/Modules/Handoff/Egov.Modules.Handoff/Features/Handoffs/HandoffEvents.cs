using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Handoff.Domain;
using Egov.SharedKernel.Hosting;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// Builds the CloudEvents 1.0 event of a hand-off (structured mode, JSON event format; CloudEvents
/// spec 1.0.2 and its JSON format): <c>id</c> = the integration event's id (the same on every attempt
/// and for every target — receivers deduplicate on <c>source</c> + <c>id</c>), <c>source</c> = the
/// form's public address, <c>type</c> from <see cref="Contracts.HandoffEventTypes"/>, <c>subject</c> =
/// the reference number, <c>time</c> = when it happened (UTC), <c>datacontenttype</c>
/// <c>application/json</c>, <c>data</c> = the case record (docs/modules/handoff.md, "Event data").
/// </summary>
internal sealed class HandoffEvents(IOptions<PublicSiteOptions> site)
{
    private static readonly JsonEventFormatter Formatter = new(new JsonSerializerOptions(JsonSerializerDefaults.Web), default);

    /// <summary>The event of <paramref name="delivery"/>; each document described by <paramref name="document"/> (inline bytes or a link).</summary>
    public CloudEvent Build(HandoffDelivery delivery, CaseRecord record, Action<CaseDocument, JsonObject> document) => new()
    {
        Id = delivery.EventId.ToString(),
        Source = site.Value.Link("forms/" + Uri.EscapeDataString(delivery.FormKey)),
        Type = delivery.EventType,
        Subject = delivery.ReferenceNumber,
        Time = delivery.OccurredAt,
        DataContentType = MediaTypeNames.Application.Json,
        Data = Data(delivery, record, document),
    };

    /// <summary>The event in structured mode: the body bytes and their content type (<c>application/cloudevents+json; charset=utf-8</c>).</summary>
    public static (ReadOnlyMemory<byte> Body, ContentType ContentType) Encode(CloudEvent cloudEvent)
    {
        var body = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return (body, contentType);
    }

    /// <summary>The event as a JSON element (structured mode), for a feed page.</summary>
    public static JsonElement ToJson(CloudEvent cloudEvent) => Formatter.ConvertToJsonElement(cloudEvent);

    private static JsonObject Data(HandoffDelivery delivery, CaseRecord record, Action<CaseDocument, JsonObject> describe)
    {
        var documents = new JsonArray();
        foreach (var document in record.Documents)
        {
            var item = new JsonObject
            {
                ["id"] = document.Id,
                ["kind"] = document.Kind,
                ["fileName"] = document.FileName,
                ["mediaType"] = document.MediaType,
                ["sizeBytes"] = document.SizeBytes,
                ["sha256"] = document.Sha256,
                ["createdAt"] = document.CreatedAt,
            };
            if (document.DecisionNotice is { } notice)
            {
                item["decisionNotice"] = new JsonObject
                {
                    ["number"] = notice.Number,
                    ["kind"] = notice.Kind,
                    ["title"] = notice.Title,
                    ["issuedAt"] = notice.IssuedAt,
                };
            }

            describe(document, item);
            documents.Add(item);
        }

        return new JsonObject
        {
            ["applicationId"] = record.ApplicationId,
            ["referenceNumber"] = record.ReferenceNumber,
            ["form"] = new JsonObject
            {
                ["key"] = record.FormKey,
                ["version"] = record.FormVersion,
                ["title"] = new JsonObject { ["de"] = record.FormTitle.De, ["en"] = record.FormTitle.En },
            },
            ["department"] = record.Department,
            ["status"] = delivery.CaseStatus,
            ["submittedAt"] = record.SubmittedAt,
            ["decidedAt"] = record.DecidedAt,
            ["applicant"] = new JsonObject
            {
                ["subject"] = record.ApplicantSubject,
                ["name"] = record.ApplicantName,
                ["language"] = record.ApplicantLanguage,
            },
            ["data"] = JsonNode.Parse(record.DataJson),
            ["documents"] = documents,
        };
    }
}
