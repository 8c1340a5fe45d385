namespace Egov.Modules.Outreach.Features.Checks;

/// <summary>One image (or other media file) attached to a post variant, as far as the checks need it.</summary>
/// <param name="FileName">The file's name as the editor uploaded it; findings name the file by it.</param>
/// <param name="AltText">The description for people who cannot see the image; null or blank when missing.</param>
internal sealed record CheckedMedia(string FileName, string? AltText);
