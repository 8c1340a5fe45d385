using Egov.Modules.Forms.Features.Receipts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Egov.Modules.Forms.Pages.Receipts;

/// <summary>
/// The receipt verification for people: where the receipt's QR code leads a phone's browser
/// (<c>/api/v1/receipts/verify?…</c> sends a request accepting <c>text/html</c> here). Says in words
/// whether a receipt with exactly this reference number and fingerprint was issued, and when; the
/// same query, the same rate limit per IP address and nothing personal, like the JSON answer.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ReceiptEndpoints.VerificationPolicy)]
internal sealed class VerifyReceiptModel(ISender sender) : PageModel
{
    private static readonly VerifyReceiptValidator Validator = new();

    /// <summary>The reference number as given (shown back in the form).</summary>
    public string? Reference { get; private set; }

    /// <summary>The fingerprint as given.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>The answer; null when nothing (or something malformed) was asked.</summary>
    public ReceiptCheckResult? Result { get; private set; }

    /// <summary>The fields the query's validator refused (<c>reference</c>, <c>fingerprint</c>); the page words the message.</summary>
    public IReadOnlySet<string> Refused { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    public async Task OnGetAsync(string? reference, string? fingerprint, CancellationToken cancellationToken)
    {
        Reference = reference;
        Fingerprint = fingerprint;
        if (reference is null && fingerprint is null)
        {
            return;
        }

        // The module's own validator decides what is malformed, so the page and the API refuse the same input.
        var query = new VerifyReceiptQuery(reference, fingerprint);
        var check = Validator.Validate(query);
        if (!check.IsValid)
        {
            Refused = check.Errors.Select(e => e.PropertyName).ToHashSet(StringComparer.Ordinal);
            return;
        }

        Result = await sender.Send(query, cancellationToken);
    }
}
