using Egov.SharedKernel.Scanning;
using Microsoft.Extensions.Logging;

namespace Egov.Modules.Outreach.Features.Posts;

/// <summary>
/// Scans an uploaded post image with the host's clamd before it is stored (the same scanner and settings as the
/// applicants' files in Forms, <c>Egov:Scanning</c>): infected → 422 naming the file and the signature; without a
/// configured scanner the image is stored unscanned (zero-setup development).
/// </summary>
/// <remarks>
/// Scanner unreachable: refused with 503 under either <see cref="ScannerUnavailableMode"/>. Forms can hold an
/// applicant's file because nobody opens it until a rescan clears it; a post image has no such waiting room — once
/// the post is approved it is served publicly (<c>public-media</c>) and sent to the platforms. The editor uploads it
/// again when clamd is back.
/// </remarks>
internal sealed partial class PostMediaScanner(MalwareScanner scanner, ILogger<PostMediaScanner> logger)
{
    /// <summary>Scans <paramref name="content"/>, uploaded as <paramref name="fileName"/> (already sanitised).</summary>
    /// <exception cref="Egov.SharedKernel.Errors.DomainRuleException">422 with <c>file</c> and <c>signature</c> when a signature matched.</exception>
    /// <exception cref="ScannerUnavailableException">503 when clamd gives no verdict.</exception>
    public async Task EnsureCleanAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (scanner.Client is not { } client)
        {
            return;
        }

        ClamdVerdict verdict;
        try
        {
            verdict = await client.ScanAsync(content, cancellationToken);
        }
        catch (ClamdUnavailableException ex)
        {
            LogUnavailable(ex, client.Endpoint.Display);
            throw new ScannerUnavailableException("The malware scanner cannot be reached at the moment; the image was not stored. Upload it again later.");
        }

        if (verdict.Infected)
        {
            LogInfected(fileName, verdict.Signature!);
            throw MalwareScanner.Infected(fileName, verdict.Signature!, german: false);
        }
    }

    [LoggerMessage(EventId = 850, Level = LogLevel.Warning, Message = "clamd at {Endpoint} is unreachable; the post image was refused")]
    private partial void LogUnavailable(Exception exception, string endpoint);

    [LoggerMessage(EventId = 851, Level = LogLevel.Warning, Message = "Post image {FileName} refused: clamd found {Signature}")]
    private partial void LogInfected(string fileName, string signature);
}
