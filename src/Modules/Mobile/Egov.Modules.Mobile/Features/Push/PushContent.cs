using System.Text.Json;
using System.Text.Json.Serialization;

namespace Egov.Modules.Mobile.Features.Push;

/// <summary>
/// What a notification says, the same on every platform: the Web Push payload (JSON, encrypted),
/// FCM's <c>data.egov</c> and APNs' <c>egov</c> member. Public content (an alert's headline, an
/// announcement's title) or, for an application, only a status word — never a name, reference
/// number, form or anything else personal; the app loads details after the citizen opened it.
/// </summary>
/// <param name="Type"><c>alert</c>, <c>alert-cancelled</c>, <c>announcement</c> or <c>application-status</c>.</param>
/// <param name="Id">Id of the alert, announcement or application.</param>
/// <param name="Title">One line to show.</param>
/// <param name="Body">A second line, or null.</param>
/// <param name="Url">The deep link to open.</param>
/// <param name="Severity">Alerts: the CAP severity (Extreme, Severe, Moderate, Minor, Unknown).</param>
/// <param name="Status">Applications: the new status (Submitted, InReview, InformationRequested, Approved, Rejected).</param>
internal sealed record PushContent(
    string Type,
    Guid Id,
    string Title,
    string? Body,
    Uri Url,
    string? Severity = null,
    string? Status = null)
{
    /// <summary>Version of the payload's shape; the app ignores members it does not know.</summary>
    public int V { get; init; } = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PushContent FromJson(string json) => JsonSerializer.Deserialize<PushContent>(json, Json)
        ?? throw new JsonException("An empty push payload.");
}
