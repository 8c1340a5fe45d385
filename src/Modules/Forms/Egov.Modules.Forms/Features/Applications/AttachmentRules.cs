using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Engines.JsonForms;
using Egov.SharedKernel.Files;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>A file as received: the client's name and the bytes.</summary>
internal sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>The rules of attachment slots: type (by content), size, count, and required slots at submission.</summary>
internal static class AttachmentRules
{
    /// <summary>Errors per file, keyed <c>files/{name}</c> and naming the file; empty when every file may be stored.</summary>
    public static Dictionary<string, string[]> Check(AttachmentSlot slot, int existing, IReadOnlyList<UploadedFile> files, string language)
    {
        var de = language == "de";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            errors["files"] = [de ? "Bitte wählen Sie mindestens eine Datei." : "Choose at least one file."];
        }

        if (existing + files.Count > slot.MaxCount)
        {
            errors["files"] = [de
                ? $"In „{slot.Label.De}“ sind höchstens {slot.MaxCount} Dateien möglich; {existing} sind schon hochgeladen."
                : $"'{slot.Label.In("en")}' takes at most {slot.MaxCount} files; {existing} are uploaded already."];
        }

        foreach (var file in files)
        {
            var name = UploadFileName.Sanitize(file.FileName);
            var detected = FileTypes.Detect(file.Content);
            string? problem = null;
            if (file.Content.Length == 0)
            {
                problem = de ? $"„{name}“ ist leer." : $"'{name}' is empty.";
            }
            else if (file.Content.LongLength > slot.MaxSizeBytes)
            {
                problem = de
                    ? $"„{name}“ ist {Megabytes(file.Content.LongLength)} groß; erlaubt sind höchstens {Megabytes(slot.MaxSizeBytes)}."
                    : $"'{name}' is {Megabytes(file.Content.LongLength)}; at most {Megabytes(slot.MaxSizeBytes)} are allowed.";
            }
            else if (detected is not null && FileTypes.ClaimedByName(name) is { } claimed && claimed != detected)
            {
                // The content decides the type; a name that says otherwise is refused rather than
                // stored under a misleading name (a renamed archive, a mislabelled scan).
                problem = de
                    ? $"„{name}“ ist dem Inhalt nach {Describe(detected)}, der Name sagt {Describe(claimed)}. Bitte benennen Sie die Datei richtig oder wandeln Sie sie um."
                    : $"'{name}' is by its content {Describe(detected)} but its name says {Describe(claimed)}; rename or convert it.";
            }
            else if (detected is null || !slot.AllowedTypes.Contains(detected))
            {
                var allowed = string.Join(", ", slot.AllowedTypes.Select(Describe));
                var actual = detected is null ? (de ? "kein erkanntes Format" : "no recognised format") : Describe(detected);
                problem = de
                    ? $"„{name}“ ist dem Inhalt nach {actual}; erlaubt sind: {allowed}."
                    : $"'{name}' is by its content {actual}; allowed: {allowed}.";
            }

            if (problem is not null)
            {
                errors[$"files/{name}"] = errors.TryGetValue($"files/{name}", out var earlier) ? [.. earlier, problem] : [problem];
            }
        }

        return errors;
    }

    /// <summary>Required slots without a file, keyed <c>attachments/{slot}</c>; a slot with a condition is required only when it holds.</summary>
    public static IEnumerable<(string Key, string Message)> MissingRequired(
        FormContent content, JsonObject? data, IReadOnlyCollection<string> uploadedSlots, string language)
    {
        foreach (var slot in content.AttachmentSlots.Where(s => s.Required && !uploadedSlots.Contains(s.Name)))
        {
            if (slot.RequiredWhen is { } condition && !Holds(condition, data))
            {
                continue;
            }

            yield return ($"attachments/{slot.Name}", language == "de"
                ? $"Bitte laden Sie „{slot.Label.De}“ hoch."
                : $"Please upload '{slot.Label.In("en")}'.");
        }
    }

    private static bool Holds(AttachmentCondition condition, JsonObject? data) =>
        JsonFormsData.FindPointer(data, condition.Pointer) is { } node
        && JsonNode.DeepEquals(node, JsonNode.Parse(condition.Const.GetRawText()));

    private static string Describe(string mediaType) => mediaType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/gif" => "GIF",
        "application/zip" => "ZIP",
        _ => mediaType,
    };

    private static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB");
}
