using System.Net;
using System.Threading.RateLimiting;
using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Http;
using Egov.SharedKernel.Reads;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Egov.Modules.Forms.Features.Receipts;

/// <summary>Receipt downloads and the anonymous, rate-limited verification.</summary>
internal static class ReceiptEndpoints
{
    /// <summary>Rate-limiter policy of the verification endpoint (per client IP address).</summary>
    public const string VerificationPolicy = "receipt-verification";

    /// <summary>
    /// Adds the verification's fixed-window limit: <see cref="ReceiptOptions.VerificationsPerMinute"/>
    /// per client IP address (read when the limiter is built, so late configuration counts).
    /// </summary>
    public static IServiceCollection AddReceiptRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ReceiptOptions>>((limiter, receipts) =>
            limiter.AddPolicy(VerificationPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = receipts.Value.VerificationsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })));
        return services;
    }

    public static IEndpointRouteBuilder MapReceiptEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/receipts/verify", async Task<Results<Ok<ReceiptCheckResult>, RedirectHttpResult>> (
                string? reference, string? fingerprint, HttpContext http, ISender sender, CancellationToken ct) =>
                // The receipt's QR code holds this address; a phone's browser (Accept: text/html) gets the page
                // that says the same in words. API clients keep the JSON contract.
                WantsHtml(http.Request)
                    ? TypedResults.Redirect("/receipts/verify" + http.Request.QueryString.Value)
                    : TypedResults.Ok(await sender.Send(new VerifyReceiptQuery(reference, fingerprint), ct)))
            .AllowAnonymous()
            .RequireRateLimiting(VerificationPolicy)

            // A repeated check (the same QR code scanned again) comes from the read cache; the limiter
            // runs after it, so it still counts every question not asked before (ADR 0015).
            .CachePublicRead(PublicReadAudience.Everyone, static http => WantsHtml(http.Request) ? "html" : "json", ReceiptReadRegion)
            .WithTags("Receipts")
            .WithName("VerifyReceipt")
            .WithSummary("Check a receipt: was one with exactly this reference number and fingerprint issued, and when?")
            .WithDescription("Anonymous; answers nothing personal. `valid` is false for any change of either value. A payment confirmation (Zahlungsbestätigung) is checked here the same way (ADR 0028). Rate-limited per IP address (429 with Retry-After). " +
                "A browser (`Accept` naming `text/html`, as when a phone opens the receipt's QR code) is redirected (302) to the page `/receipts/verify` with the same query, which says the same in words.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>The read region of receipt verification: invalidated by every committed receipt.</summary>
    public const string ReceiptReadRegion = "receipts";

    // Browsers name text/html in Accept on every navigation; API clients ask for JSON or anything (*/*).
    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The PDF with <c>Content-Disposition</c> carrying an ASCII <c>filename</c> and an RFC 5987/6266
    /// <c>filename*</c> in UTF-8, an ETag, and 304 when <c>If-None-Match</c> names it.
    /// </summary>
    public static IResult Download(HttpContext http, ReceiptFile receipt) =>
        PdfDownload(http, receipt.Pdf, receipt.ETag, receipt.FileName, receipt.AsciiFileName);

    /// <summary>
    /// A stored PDF (a receipt, a decision notice) as an attachment download: <c>Content-Disposition</c>
    /// with <paramref name="asciiFileName"/> and, RFC 5987/6266, <paramref name="fileName"/> in UTF-8;
    /// the strong <paramref name="etag"/>; 304 when <c>If-None-Match</c> names it.
    /// </summary>
    public static IResult PdfDownload(HttpContext http, byte[] pdf, string etag, string fileName, string asciiFileName)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (EntityTags.IfNoneMatchMatches(http, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.FileName = $"\"{asciiFileName}\"";
        disposition.FileNameStar = fileName;
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(pdf, "application/pdf");
    }

    /// <summary>Maps the applicant's download into the applications group.</summary>
    public static RouteHandlerBuilder MapApplicantReceipt(this RouteGroupBuilder applications, Func<HttpContext, Applicant> applicant) =>
        applications.MapGet("/{id:guid}/receipt", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                Download(http, await sender.Send(new GetReceiptQuery(applicant(http), id), ct)))
            .WithName("GetReceipt")
            .WithSummary("The receipt (Eingangsbestätigung) of my submitted application, as PDF")
            .WithDescription("Available from the moment the submit answers (its `receipt.url`). The PDF is rendered in the background within moments of the submission; " +
                "a download that comes earlier renders it on the spot, so the answer is always 200 with the PDF, never 202 or 503: a mobile app needs no retry logic. " +
                "Every download returns the same bytes (strong `ETag`; 304 for `If-None-Match`).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
