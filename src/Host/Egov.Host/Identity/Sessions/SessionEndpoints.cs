using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Egov.Host.Identity.Sessions;

/// <summary>How many browser sessions were ended.</summary>
/// <param name="Subject">The user's <c>sub</c>, as <c>GET /api/v1/me</c> shows it.</param>
/// <param name="Ended">Number of sessions ended (0 when the user had none).</param>
internal sealed record SessionsEndedResponse(string Subject, int Ended);

/// <summary>Administration of browser sessions: end every session of a user (a lost device, a departed employee).</summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/admin/sessions", async Task<Ok<SessionsEndedResponse>> (
                string? subject, DatabaseTicketStore sessions, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(subject))
                {
                    throw new RequestValidationException("subject", "Name the user whose sessions end: their subject (sub), as GET /api/v1/me shows it.");
                }

                return TypedResults.Ok(new SessionsEndedResponse(subject, await sessions.RemoveAllAsync(subject, ct)));
            })
            .RequireAuthorization(EgovPolicies.Administer)
            .WithTags("Identity")
            .WithName("EndSessions")
            .WithSummary("End every browser session of a user")
            .WithDescription(
                "Deletes the user's server-side sessions: every browser holding one of their `.Egov.Session` cookies is " +
                "anonymous from its next request on. Access tokens already issued by the identity provider stay valid " +
                "until they expire (at most 30 minutes at the development provider); end the user's sessions there too. " +
                "`subject` is the `sub` claim, as `GET /api/v1/me` shows it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
