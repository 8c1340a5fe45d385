using System.Text.Json;
using System.Text.Json.Nodes;

namespace Egov.Modules.Outreach.Tests.Engines.TextRules;

/// <summary>
/// Mastodon's documented <c>GET /api/v2/instance</c> example for mastodon.social, vendored under
/// <c>tests/testdata/mastodon</c> (source and licence in <c>tests/testdata/SOURCES.md</c>) and found from
/// the folder holding Egov.sln above the test binaries.
/// </summary>
internal static class MastodonInstanceDocuments
{
    private const string FileName = "instance_v2_example_mastodon_social.json";
    private static readonly Lazy<string> Text = new(Read);

    /// <summary>The document as published.</summary>
    public static JsonElement MastodonSocial() => JsonDocument.Parse(Text.Value).RootElement.Clone();

    /// <summary>The document with <c>configuration.statuses.max_characters</c> set, as another instance would serve it.</summary>
    public static JsonElement WithMaxCharacters(int maxCharacters) =>
        Edited(statuses => statuses["max_characters"] = maxCharacters);

    /// <summary>The document with one change made to <c>configuration.statuses</c>.</summary>
    public static JsonElement Edited(Action<JsonObject> editStatuses) => EditedConfiguration(configuration => editStatuses(configuration["statuses"]!.AsObject()));

    /// <summary>The document with one change made to <c>configuration</c>.</summary>
    public static JsonElement EditedConfiguration(Action<JsonObject> editConfiguration)
    {
        var root = JsonNode.Parse(Text.Value)!.AsObject();
        editConfiguration(root["configuration"]!.AsObject());
        return JsonDocument.Parse(root.ToJsonString()).RootElement.Clone();
    }

    private static string Read()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Egov.sln")))
            {
                return File.ReadAllText(Path.Combine(directory.FullName, "tests", "testdata", "mastodon", FileName));
            }
        }

        throw new InvalidOperationException($"No Egov.sln above {AppContext.BaseDirectory}: cannot locate tests/testdata/mastodon/{FileName}.");
    }
}
