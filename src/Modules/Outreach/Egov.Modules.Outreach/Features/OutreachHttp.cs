using System.Security.Claims;
using Egov.Modules.Outreach.Domain.Posts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Egov.Modules.Outreach.Features;

/// <summary>What the Outreach endpoints share: the acting staff member, ETags and If-Match.</summary>
internal static class OutreachHttp
{
    public const string IfMatchNote = " Needs `If-Match` with the ETag last read: 428 without, 412 when it changed since.";

    public static OutreachActor Actor(HttpContext http)
    {
        var user = http.User;
        var subject = user.FindFirstValue(EgovClaimTypes.Subject)!;
        return new OutreachActor(
            subject,
            user.FindFirstValue(EgovClaimTypes.Name) ?? subject,
            user.IsInRole(EgovRoles.Editor),
            user.IsInRole(EgovRoles.Approver),
            user.IsInRole(EgovRoles.CrisisManager),
            user.IsInRole(EgovRoles.Administrator));
    }

    /// <summary>Answers 200 with the view, its ETag and <c>Cache-Control: no-store</c> (staff data).</summary>
    public static Ok<T> WithETag<T>(HttpContext http, T view, int version)
    {
        http.Response.Headers.ETag = EntityTags.OfRevision(version);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(view);
    }

    public static int? IfMatch(HttpContext http) => EntityTags.IfMatchRevision(http);

    /// <summary>An enum query value by name (case-insensitive, numbers refused), or null when blank.</summary>
    /// <exception cref="RequestValidationException">Not one of the names; the problem names <paramref name="field"/>.</exception>
    public static T? ParseEnum<T>(string? value, string field)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new RequestValidationException(field, $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>
    /// The request body, bound as optional so that a missing body (or JSON <c>null</c>) is a 400 naming
    /// <c>body</c> like any other field, instead of binding's unnamed "no body was provided".
    /// </summary>
    /// <exception cref="RequestValidationException"><paramref name="input"/> is null (field <c>body</c>).</exception>
    public static T Body<T>(T? input)
        where T : class =>
        input ?? throw new RequestValidationException("body", "A JSON body is required.");
}
