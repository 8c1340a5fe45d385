using Egov.Modules.Forms.Domain;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Files;
using Egov.SharedKernel.Scanning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Scanning;

/// <summary>
/// Scans uploads with clamd before they are stored: an infected file refuses the whole upload with
/// 422 naming the file and the signature; an unreachable scanner holds the files as
/// <see cref="AttachmentScanStatus.Pending"/> (or refuses them, <see cref="ScanningOptions.WhenUnavailable"/>);
/// without a configured scanner files are <see cref="AttachmentScanStatus.Unscanned"/>.
/// </summary>
internal sealed partial class UploadScanner(MalwareScanner scanner, ILogger<UploadScanner> logger)
{
    private readonly ClamdClient? _client = scanner.Client;

    /// <summary>The client of the configured clamd; null when scanning is off.</summary>
    public ClamdClient? Client => _client;

    /// <summary>Scans every file (the client's name, the bytes); returns the status they are stored with (the same for all).</summary>
    /// <exception cref="DomainRuleException">422 when a file is infected (extensions <c>file</c>, <c>signature</c>).</exception>
    /// <exception cref="ScannerUnavailableException">503 when clamd is unreachable and refusing is configured.</exception>
    public async Task<AttachmentScanStatus> ScanAsync(IEnumerable<(string FileName, byte[] Content)> files, string language, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            return AttachmentScanStatus.Unscanned;
        }

        var de = language == "de";
        foreach (var file in files)
        {
            ClamdVerdict verdict;
            try
            {
                verdict = await _client.ScanAsync(file.Content, cancellationToken);
            }
            catch (ClamdUnavailableException ex)
            {
                LogUnavailable(ex, _client.Endpoint.Display);
                if (scanner.Options.WhenUnavailable == ScannerUnavailableMode.Refuse)
                {
                    throw new ScannerUnavailableException(de
                        ? "Die Virenprüfung ist gerade nicht erreichbar; es wurde nichts gespeichert. Bitte versuchen Sie es später noch einmal."
                        : "The malware scanner cannot be reached at the moment; nothing was stored. Please try again later.");
                }

                return AttachmentScanStatus.Pending;
            }

            if (verdict.Infected)
            {
                var name = UploadFileName.Sanitize(file.FileName);
                LogInfected(name, verdict.Signature!);
                throw MalwareScanner.Infected(name, verdict.Signature!, de);
            }
        }

        return AttachmentScanStatus.Clean;
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "clamd at {Endpoint} is unreachable; the upload is handled as configured in Egov:Scanning:WhenUnavailable")]
    private partial void LogUnavailable(Exception exception, string endpoint);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Upload {FileName} refused: clamd found {Signature}")]
    private partial void LogInfected(string fileName, string signature);
}
