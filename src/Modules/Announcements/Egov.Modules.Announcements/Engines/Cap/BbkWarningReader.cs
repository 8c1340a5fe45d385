using System.Text.Json;
using Egov.SharedKernel.Text;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// Reads a warning in the JSON form of CAP served by the federal warning app's API (BBK: NINA,
/// MoWaS, DWD, LHP, police) into the same <see cref="CapAlert"/> model, with the same rules and
/// the same problem paths as <see cref="CapXmlReader"/>.
/// </summary>
/// <remarks>
/// <para>Shape: one JSON object per alert whose members are named as the CAP elements
/// (<c>identifier</c>, <c>msgType</c>, <c>info</c>, <c>areaDesc</c>, …); repeated elements are
/// arrays (a single value is accepted as well); <c>null</c> counts as absent; numbers are
/// accepted where CAP has text. Members that are not CAP elements are ignored. Languages include
/// <c>de-LS</c>, the plain-language (Leichte Sprache) version.</para>
/// <para>Texts are kept as served: they carry HTML fragments and entities (<c>&lt;br/&gt;</c>,
/// <c>&amp;quot;</c>); whoever displays them must sanitise. Duplicate members are refused, as is a
/// document over <see cref="CapInput.MaxDocumentBytes"/> or nested deeper than 16 levels.</para>
/// </remarks>
internal static class BbkWarningReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    /// <summary>Reads one warning from <paramref name="stream"/> (read to its end, not closed).</summary>
    public static CapReadResult Read(Stream stream)
    {
        var bytes = CapInput.ReadBounded(stream);
        if (bytes is null)
        {
            return CapInput.TooLarge();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException exception)
        {
            return CapReadResult.Refused($"is not valid JSON: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            // The duplicate-member check unescapes every member name and refuses a lone surrogate (\ud800) this way.
            return CapReadResult.Refused($"has a member name that is no text: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return CapReadResult.Refused("is not a JSON object; a BBK warning is one object with the CAP alert's members");
            }

            if (InputText.Problem(document.RootElement) is { } text)
            {
                // The host's rule for all text (control characters, lone surrogates), for a body read by hand.
                return CapReadResult.Refused($"has text that cannot be stored at {text.Path}: {text.Reason}");
            }

            var problems = new List<CapProblem>();
            var alert = CapAlertMapper.Map(new JsonCapNode(document.RootElement, "alert", problems));
            problems.AddRange(CapValidator.Validate(alert));
            return problems.Count == 0 ? CapReadResult.Accepted(alert, []) : CapReadResult.Refused(problems, []);
        }
    }
}
