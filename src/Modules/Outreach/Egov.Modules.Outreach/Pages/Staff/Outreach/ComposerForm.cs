namespace Egov.Modules.Outreach.Pages.Staff.Outreach;

/// <summary>
/// The composer's fields as posted: one text for every chosen channel, with an optional text of its
/// own per channel; link, hashtags, content warning and language apply to all.
/// </summary>
internal sealed class ComposerForm
{
    public string? Title { get; set; }

    public bool Crisis { get; set; }

    public List<Guid> Channels { get; set; } = [];

    public string? Text { get; set; }

    /// <summary>A channel's own text (<c>override[{channelId}]</c>); blank: the common text.</summary>
    public Dictionary<Guid, string?> Override { get; set; } = [];

    public string? Link { get; set; }

    /// <summary>Separated by spaces or commas, with or without '#'.</summary>
    public string? Hashtags { get; set; }

    public string? ContentWarning { get; set; }

    public string? Language { get; set; } = "de";

    /// <summary>The post's version as loaded (concurrency: If-Match).</summary>
    public int? Version { get; set; }

    /// <summary>The channel's text: its own when given, else the common one.</summary>
    public string? TextFor(Guid channel) =>
        Override.TryGetValue(channel, out var own) && !string.IsNullOrWhiteSpace(own) ? own : Text;

    public List<string> HashtagList() =>
        [.. (Hashtags ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)];
}
