namespace Egov.Modules.Forms.Domain;

/// <summary>A kind of file an application carries, e.g. the insurance certificate of a dog.</summary>
/// <param name="Name">Stable slot name, e.g. <c>insurance-certificate</c>.</param>
/// <param name="Label">What to upload, de/en.</param>
/// <param name="Required">Whether at least one file is required (subject to <paramref name="RequiredWhen"/>).</param>
/// <param name="RequiredWhen">When set, the slot is required only if the value at the pointer equals the constant.</param>
/// <param name="AllowedTypes">Media types, detected from the file's bytes: application/pdf, image/jpeg, image/png.</param>
/// <param name="MaxSizeBytes">Largest file in bytes.</param>
/// <param name="MaxCount">Most files in the slot.</param>
internal sealed record AttachmentSlot(
    string Name,
    LocalizedText Label,
    bool Required,
    AttachmentCondition? RequiredWhen,
    IReadOnlyList<string> AllowedTypes,
    long MaxSizeBytes,
    int MaxCount);

/// <summary>A condition on the application data: the value at <paramref name="Pointer"/> (RFC 6901) equals <paramref name="Const"/>.</summary>
internal sealed record AttachmentCondition(string Pointer, System.Text.Json.JsonElement Const);
