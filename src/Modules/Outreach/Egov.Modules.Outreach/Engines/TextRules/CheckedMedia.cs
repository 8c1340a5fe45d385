namespace Egov.Modules.Outreach.Engines.TextRules;

/// <summary>One image (or other media file) attached to a post variant, as far as the checks need it.</summary>
/// <param name="FileName">The file's name as stored at upload (sanitised); findings name the file by it.</param>
/// <param name="AltText">The description for people who cannot see the image; null or blank when missing.</param>
/// <param name="ContentType">The media type recognised from the content at upload, e.g. <c>image/png</c>.</param>
/// <param name="Length">The file's size in bytes.</param>
internal sealed record CheckedMedia(string FileName, string? AltText, string ContentType, long Length);
